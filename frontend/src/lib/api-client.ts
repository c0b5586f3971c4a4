// The one way the app talks to HTTP APIs: every failure becomes an `ApiError` whose `code` the UI
// branches on (never on the message). Our API's error body is {detail, code, errors?, retry_after?}.

import { session as defaultSession, type Session } from "@/lib/auth/session";
import { currentLanguage } from "@/lib/i18n";

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldErrors;
  /** Seconds to wait before trying again (rate limits), when the server says. */
  readonly retryAfter: number | null;
  /** The whole error body, for codes that carry more than a message (`bookings_affected`'s `affected`). */
  readonly body: unknown;

  constructor({
    status,
    code,
    detail = "",
    fieldErrors = {},
    retryAfter = null,
    body = undefined,
  }: {
    status: number;
    code: string;
    detail?: string;
    fieldErrors?: FieldErrors;
    retryAfter?: number | null;
    body?: unknown;
  }) {
    super(detail || code);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function fallbackCode(status: number): string {
  if (status === 0) return "network_error";
  if (status === 401) return "not_authenticated";
  if (status === 403) return "permission_denied";
  if (status === 404) return "not_found";
  if (status === 429) return "throttled";
  if (status >= 500) return "server_error";
  return "bad_request";
}

function parseFieldErrors(value: unknown): FieldErrors {
  if (!value || typeof value !== "object") return {};
  const fields: FieldErrors = {};
  for (const [field, messages] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(messages)) fields[field] = messages.filter((m): m is string => typeof m === "string");
    else if (typeof messages === "string") fields[field] = [messages];
  }
  return fields;
}

function parseRetryAfter(bodyValue: unknown, header: string | null): number | null {
  if (typeof bodyValue === "number" && Number.isFinite(bodyValue)) return bodyValue;
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : null;
}

/** Maps any error response (JSON or not) to an ApiError. */
export function toApiError(status: number, body: unknown, retryAfterHeader: string | null = null): ApiError {
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return new ApiError({
    status,
    code: typeof record.code === "string" && record.code ? record.code : fallbackCode(status),
    detail: typeof record.detail === "string" ? record.detail : "",
    fieldErrors: parseFieldErrors(record.errors),
    retryAfter: parseRetryAfter(record.retry_after, retryAfterHeader),
    body,
  });
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  /** Sent as JSON, or as multipart form data when it is a FormData (file uploads). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the access token and refresh it once on 401 (default true). */
  auth?: boolean;
  /** Send the refresh-token cookie (the /api/auth/ endpoints). */
  withCredentials?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes("?") ? "&" : "?"}${search}` : path;
}

/** Sends one request; a failure to reach the server becomes an ApiError (status 0). */
async function sendRequest(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "network_error" });
  }
}

/** Sends one request to any HTTP JSON API and maps its failures to ApiError (no auth handling). */
export async function sendJson(url: string, init: RequestInit): Promise<{ response: Response; body: unknown }> {
  const response = await sendRequest(url, init);
  const body = await readBody(response);
  return { response, body };
}

/** A file the API sent (an export): its bytes and the name the server gave it, when it gave one. */
export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
}

/**
 * The file name of a `Content-Disposition: attachment` header: the UTF-8 `filename*` (RFC 5987) when
 * there is one, else `filename`, without any path.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*utf-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name) name = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header)?.slice(1).find(Boolean) ?? null;
  const base = name?.replace(/\\(.)/g, "$1").split(/[\\/]/).pop()?.trim();
  return base || null;
}

export function createApiClient(session: Session) {
  function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Language": currentLanguage(),
      ...options.headers,
    };
    // A FormData body gets its multipart Content-Type (with the boundary) from the browser.
    const isForm = options.body instanceof FormData;
    if (options.body !== undefined && !isForm) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    return sendRequest(buildUrl(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: options.withCredentials ? "same-origin" : "omit",
      signal: options.signal,
    });
  }

  /** The answer to a request, with the access token; an expired one is refreshed once and the request replayed. */
  async function respond(path: string, options: RequestOptions): Promise<Response> {
    const useAuth = options.auth ?? true;
    const token = useAuth ? session.getAccessToken() : null;
    let response = await send(path, options, token);
    // An expired access token: refresh once and replay; if that fails the session is over.
    if (response.status === 401 && token) {
      const fresh = await session.refresh();
      if (fresh) response = await send(path, options, fresh);
      else session.expire();
    }
    return response;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await respond(path, options);
    const body = await readBody(response);
    if (!response.ok) throw toApiError(response.status, body, response.headers.get("Retry-After"));
    return body as T;
  }

  /** GET a file (CSV, Excel, PDF) with the same auth as every request; errors come as JSON ApiErrors. */
  async function download(
    path: string,
    options: Omit<RequestOptions, "method" | "body"> & { accept?: string } = {},
  ): Promise<DownloadedFile> {
    const { accept = "*/*", ...rest } = options;
    const response = await respond(path, { ...rest, method: "GET", headers: { ...rest.headers, Accept: accept } });
    if (!response.ok) {
      throw toApiError(response.status, await readBody(response), response.headers.get("Retry-After"));
    }
    return {
      blob: await response.blob(),
      filename: filenameFromDisposition(response.headers.get("Content-Disposition")),
    };
  }

  return {
    request,
    download,
    get: <T>(path: string, options: Omit<RequestOptions, "method" | "body"> = {}) =>
      request<T>(path, { ...options, method: "GET" }),
    post: <T>(path: string, body: unknown = {}, options: Omit<RequestOptions, "method" | "body"> = {}) =>
      request<T>(path, { ...options, method: "POST", body }),
    patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, "method" | "body"> = {}) =>
      request<T>(path, { ...options, method: "PATCH", body }),
    put: <T>(path: string, body: unknown, options: Omit<RequestOptions, "method" | "body"> = {}) =>
      request<T>(path, { ...options, method: "PUT", body }),
    /** DELETE, with a JSON body when the endpoint takes options (e.g. what to do with affected bookings). */
    delete: <T>(path: string, body?: unknown, options: Omit<RequestOptions, "method" | "body"> = {}) =>
      request<T>(path, { ...options, method: "DELETE", body }),
  };
}

export const api = createApiClient(defaultSession);
