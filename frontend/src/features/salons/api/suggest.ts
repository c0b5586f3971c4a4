import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { City, Suggestions } from "@/types/models";

/** What is typed before the suggestions are asked for (fewer letters suggest nearly everything). */
export const SUGGEST_MIN_LENGTH = 2;

/** GET /api/salons/suggest/?q=: at most five salons, services and districts, best match first. */
export function getSuggestions({ q, city, signal }: { q: string; city?: City | null; signal?: AbortSignal }) {
  return api.get<Suggestions>("/api/salons/suggest/", {
    query: { q, city: city ?? undefined },
    signal,
    auth: false,
  });
}

export function suggestionsQueryOptions(q: string, city: City | null) {
  return queryOptions({
    queryKey: ["salons", "suggest", q, city],
    queryFn: ({ signal }) => getSuggestions({ q, city, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Suggestions for `q` (already debounced); none asked for below `SUGGEST_MIN_LENGTH` letters. */
export function useSuggestions(q: string, city: City | null, enabled: boolean) {
  const words = q.trim();
  return useQuery({
    ...suggestionsQueryOptions(words, city),
    enabled: enabled && words.length >= SUGGEST_MIN_LENGTH,
    // The previous words' suggestions stay while the next ones load: the list does not blink.
    placeholderData: keepPreviousData,
  });
}
