export type ReturnOutcome = "connected" | "error" | null;

/** What the return from Google's consent said (`?google_calendar=connected|error`). */
export function returnOutcome(value: string | null): ReturnOutcome {
  return value === "connected" || value === "error" ? value : null;
}
