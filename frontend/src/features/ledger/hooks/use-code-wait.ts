import { useState } from "react";

import { useCountdown } from "@/hooks/use-countdown";
import { isApiError } from "@/lib/api-client";

const RATE_LIMIT_CODES = new Set(["otp_cooldown", "otp_too_many_requests", "otp_ip_limited", "throttled"]);

/** The wait the server asks for after too many code requests (429 with `retry_after`), counting down. */
export function useCodeWait() {
  const [until, setUntil] = useState<number | null>(null);
  const seconds = useCountdown(until);
  return {
    seconds,
    /** Starts the wait when `error` is a rate limit that names one. */
    from: (error: unknown) => {
      if (isApiError(error) && RATE_LIMIT_CODES.has(error.code) && error.retryAfter)
        setUntil(Date.now() + error.retryAfter * 1000);
    },
  };
}
