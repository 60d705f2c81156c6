/** Saves a file from an extension page (the browser's own download, no permission needed). */
export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoke later: the download reads the URL asynchronously
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
