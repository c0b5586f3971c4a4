import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { CalendarFeed } from "@/types/models";

import { type FeedOwner, feedPath, feedQueryKey } from "./feed-owner";

/** POST .../rotate/: a new link; the old one stops at once (calendars subscribed to it stop updating). */
export function rotateCalendarFeed(owner: FeedOwner): Promise<CalendarFeed> {
  return api.post<CalendarFeed>(`${feedPath(owner)}rotate/`);
}

export function useRotateCalendarFeed(owner: FeedOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rotateCalendarFeed(owner),
    onSuccess: (feed) => queryClient.setQueryData(feedQueryKey(owner), feed),
  });
}
