import { useCallback, useSyncExternalStore } from "react";

/**
 * The current time (epoch ms) rounded down to `stepMs`, re-rendering when it moves on: what a
 * schedule needs to tell past from future without reading the clock during render.
 */
export function useNow(stepMs = 60_000): number {
  const subscribe = useCallback(
    (tick: () => void) => {
      const timer = setInterval(tick, stepMs);
      return () => clearInterval(timer);
    },
    [stepMs],
  );
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / stepMs) * stepMs);
}
