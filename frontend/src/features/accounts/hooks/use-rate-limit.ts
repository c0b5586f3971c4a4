import { useState } from "react";

import { useCountdown } from "@/hooks/use-countdown";
import { isApiError } from "@/lib/api-client";

const RATE_LIMIT_CODES = new Set(["otp_cooldown", "otp_too_many_requests", "otp_ip_limited", "throttled"]);

/** The wait the server asks for after too many code requests (`Retry-After`), counting down. */
export function useRateLimit() {
  const [limit, setLimit] = useState<{ until: number; waitSeconds: number } | null>(null);
  const seconds = useCountdown(limit?.until);
  return {
    seconds,
    /** The wait the server asked for when the limit began (for a sentence that does not tick). */
    waitSeconds: limit?.waitSeconds ?? 0,
    /** A limit was hit and has not been followed by another try yet (it may be over). */
    hit: limit !== null,
    limitFrom: (error: unknown) => {
      if (isApiError(error) && RATE_LIMIT_CODES.has(error.code) && error.retryAfter)
        setLimit({ until: Date.now() + error.retryAfter * 1000, waitSeconds: error.retryAfter });
    },
    clear: () => setLimit(null),
  };
}
