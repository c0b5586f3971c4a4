import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { filenameFromDisposition, saveBlob } from "@/lib/download";

import type { Period } from "./get-statement";

export type StatementFormat = "csv" | "xlsx" | "pdf";

const ACCEPT: Record<StatementFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/**
 * GET /api/manage/salons/{id}/balance/statement.csv|.xlsx|.pdf?from=&to=: the statement as a file, fetched
 * with the access token (a plain link would carry none) and saved under the name the server gives.
 */
export async function downloadStatement(salonId: number, period: Period, format: StatementFormat): Promise<void> {
  const { blob, disposition } = await api.download(`/api/manage/salons/${salonId}/balance/statement.${format}`, {
    query: { from: period.from, to: period.to },
    accept: ACCEPT[format],
  });
  saveBlob(blob, filenameFromDisposition(disposition) ?? `statement-${period.from}-${period.to}.${format}`);
}

export function useDownloadStatement(salonId: number) {
  return useMutation({
    mutationFn: ({ period, format }: { period: Period; format: StatementFormat }) =>
      downloadStatement(salonId, period, format),
  });
}
