import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { type BookingSelection, parseSelection, selectionToParams } from "./state";

/** The wizard's selection, read from and written to the URL (each choice is a history entry). */
export function useBookingSelection() {
  const [params, setParams] = useSearchParams();
  const selection = useMemo(() => parseSelection(params), [params]);
  const select = useCallback(
    (next: BookingSelection, { replace = false, state }: { replace?: boolean; state?: unknown } = {}) =>
      setParams(selectionToParams(next), { replace, state }),
    [setParams],
  );
  return { selection, select };
}
