/** Whose feed: the signed-in stylist's own, a stylist's (for the salon's managers), or a whole salon's. */
export type FeedOwner = { kind: "me" } | { kind: "staff"; staffId: number } | { kind: "salon"; salonId: number };

/** The feed's endpoint (GET: the link, made on first request; `rotate/` POST: a new link). */
export function feedPath(owner: FeedOwner): string {
  switch (owner.kind) {
    case "me":
      return "/api/calendar/feeds/me/";
    case "staff":
      return `/api/calendar/feeds/staff/${owner.staffId}/`;
    case "salon":
      return `/api/calendar/feeds/salons/${owner.salonId}/`;
  }
}

export function feedQueryKey(owner: FeedOwner) {
  return ["calendar-feeds", feedPath(owner)] as const;
}
