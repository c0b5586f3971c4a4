import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { filenameFromDisposition, saveBlob } from "@/lib/download";

import type { DayRange } from "../period";

export const EXPORT_KINDS = ["bookings", "payments", "customers"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ExportRequest extends DayRange {
  salonId: number;
  kind: ExportKind;
  format: ExportFormat;
}

/**
 * GET /api/manage/salons/{id}/exports/{kind}.{csv|xlsx}?from=&to=, then saved as the file the server
 * names. Fetched with the session's token (a plain link could not carry it), in the UI language (the
 * header row's).
 */
export async function downloadExport({ salonId, kind, format, from, to }: ExportRequest): Promise<string> {
  const file = await api.download(`/api/manage/salons/${salonId}/exports/${kind}.${format}`, {
    query: { from, to },
    accept: MEDIA_TYPES[format],
  });
  const filename = filenameFromDisposition(file.disposition) ?? `${kind}-${from}-${to}.${format}`;
  saveBlob(file.blob, filename);
  return filename;
}

export function useDownloadExport() {
  return useMutation({ mutationFn: downloadExport });
}
