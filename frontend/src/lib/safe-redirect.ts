/** Only same-site paths are followed after sign-in ("/bookings", never "//evil" or "https://…"). */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

export function signInPath(currentPath: string): string {
  return `/sign-in?next=${encodeURIComponent(currentPath)}`;
}
