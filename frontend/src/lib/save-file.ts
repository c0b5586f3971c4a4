/**
 * Hands a file to the browser's downloads under `filename` (an export fetched with the API client, so
 * it carried the access token: a plain link could not).
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has started with it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
