import { useEffect, useState } from "react";

function secondsUntil(target: number | null): number {
  return target === null ? 0 : Math.max(0, Math.ceil((target - Date.now()) / 1000));
}

/** Seconds left until `until` (an ISO instant or epoch ms), ticking every second; 0 once passed. */
export function useCountdown(until: string | number | null | undefined): number {
  const target = until == null ? null : typeof until === "number" ? until : Date.parse(until);
  const [seconds, setSeconds] = useState(() => secondsUntil(target));

  useEffect(() => {
    setSeconds(secondsUntil(target));
    if (target === null) return undefined;
    const timer = setInterval(() => {
      const left = secondsUntil(target);
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [target]);

  return seconds;
}
