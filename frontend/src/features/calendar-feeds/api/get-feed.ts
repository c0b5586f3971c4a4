import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { CalendarFeed } from "@/types/models";

import { type FeedOwner, feedPath, feedQueryKey } from "./feed-owner";

/** GET /api/calendar/feeds/me/ (staff/{id}/, salons/{id}/): the feed's links, made on first request. */
export function getCalendarFeed(owner: FeedOwner, { signal }: { signal?: AbortSignal } = {}): Promise<CalendarFeed> {
  return api.get<CalendarFeed>(feedPath(owner), { signal });
}

export function calendarFeedQueryOptions(owner: FeedOwner) {
  return queryOptions({
    queryKey: feedQueryKey(owner),
    queryFn: ({ signal }) => getCalendarFeed(owner, { signal }),
    staleTime: Infinity,
  });
}

export function useCalendarFeed(owner: FeedOwner) {
  return useQuery(calendarFeedQueryOptions(owner));
}
