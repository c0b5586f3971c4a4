import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

/** POST /api/calendar/google/connect/: the consent page's URL (the browser goes there next). */
export function connectGoogleCalendar({ staffId, returnPath }: { staffId: number | null; returnPath: string }) {
  return api.post<{ auth_url: string }>("/api/calendar/google/connect/", {
    ...(staffId === null ? {} : { staff_id: staffId }),
    return_path: returnPath,
  });
}

export function useConnectGoogleCalendar(navigate: (url: string) => void = (url) => window.location.assign(url)) {
  return useMutation({
    mutationFn: connectGoogleCalendar,
    onSuccess: ({ auth_url }) => navigate(auth_url),
  });
}
