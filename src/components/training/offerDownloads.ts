import type { DownloadFile } from '../../model/modelFiles';

/** How long a download's object URL lives (the browser has read it well before). */
const REVOKE_AFTER_MS = 60_000;

/** Hands files to the browser as downloads, one link click per file. */
export function offerDownloads(files: readonly DownloadFile[]): void {
  for (const file of files) {
    const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
