import { ApiError, type FieldErrors, sendJson } from "@/lib/api-client";

/** Moyasar's API, called from the browser with the publishable key only (card data never reaches us). */
export const MOYASAR_API_URL = "https://api.moyasar.com/v1";

/** Moyasar answers errors as {type, message, errors?}; they become ApiErrors like ours. */
function toMoyasarError(status: number, body: unknown): ApiError {
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const fieldErrors: FieldErrors = {};
  if (record.errors && typeof record.errors === "object") {
    for (const [field, messages] of Object.entries(record.errors as Record<string, unknown>)) {
      fieldErrors[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    }
  }
  return new ApiError({
    status,
    code: typeof record.type === "string" ? `moyasar_${record.type}` : status === 0 ? "network_error" : "moyasar_error",
    detail: typeof record.message === "string" ? record.message : "",
    fieldErrors,
  });
}

export async function moyasarPost<T>(url: string, body: unknown, publishableKey?: string): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (publishableKey) headers.Authorization = `Basic ${btoa(`${publishableKey}:`)}`;
  const { response, body: answer } = await sendJson(url, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
    credentials: "omit",
  });
  if (!response.ok) throw toMoyasarError(response.status, answer);
  return answer as T;
}
