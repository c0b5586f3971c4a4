import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { StaffSchedule } from "@/types/models";

export interface ScheduleParams {
  date: string;
  /** A stylist of a salon the manager manages; stylists see their own day without it. */
  staffId: number | null;
}

/** GET /api/staff/schedule/?date=&staff=: the day's bookings and free gaps. */
export function getStaffSchedule({ date, staffId }: ScheduleParams, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<StaffSchedule>("/api/staff/schedule/", { query: { date, staff: staffId }, signal });
}

export function staffScheduleQueryOptions(params: ScheduleParams) {
  return queryOptions({
    queryKey: ["staff", "schedule", params],
    queryFn: ({ signal }) => getStaffSchedule(params, { signal }),
    refetchInterval: 60_000,
  });
}

export function useStaffSchedule(params: ScheduleParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...staffScheduleQueryOptions(params), enabled });
}
