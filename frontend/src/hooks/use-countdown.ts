import { useCallback, useSyncExternalStore } from "react";

function secondsUntil(target: number | null): number {
  return target === null ? 0 : Math.max(0, Math.ceil((target - Date.now()) / 1000));
}

/** Seconds left until `until` (an ISO instant or epoch ms), ticking every second; 0 once passed. */
export function useCountdown(until: string | number | null | undefined): number {
  const target = until == null ? null : typeof until === "number" ? until : Date.parse(until);
  // The clock is an external store: it ticks every second until the target has passed. The
  // snapshot is a whole number of seconds, so it only changes when the display does.
  const subscribe = useCallback(
    (tick: () => void) => {
      if (target === null) return () => undefined;
      const timer = setInterval(() => {
        tick();
        if (secondsUntil(target) === 0) clearInterval(timer);
      }, 1000);
      return () => clearInterval(timer);
    },
    [target],
  );
  return useSyncExternalStore(subscribe, () => secondsUntil(target));
}
