import { useState } from "react";

import { DEFAULT_TIME_ZONE } from "@/lib/calendar-date";

/**
 * The salon's time zone as the desk's answers report it. Which day is "today" depends on it, and the
 * first request needs a day: start from the default and follow the zone the answer names (adjusted
 * during render, so at most one more request, and only for a salon outside it).
 */
export function useSalonTimeZone(): [string, (reported: string | undefined) => void] {
  const [zone, setZone] = useState(DEFAULT_TIME_ZONE);
  const learn = (reported: string | undefined) => {
    if (reported && reported !== zone) setZone(reported);
  };
  return [zone, learn];
}
