import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { filenameFromDisposition, saveBlob } from "@/lib/download";

/**
 * GET /api/auth/me/export/: everything held about the signed-in person, as one JSON document, saved
 * as the file the server names (`salon-data-<date>.json`). Fetched with the session's token.
 */
export async function downloadMyData(): Promise<string> {
  const file = await api.download("/api/auth/me/export/", { accept: "application/json" });
  const filename = filenameFromDisposition(file.disposition) ?? "salon-data.json";
  saveBlob(file.blob, filename);
  return filename;
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}
