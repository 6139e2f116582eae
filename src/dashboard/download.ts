/**
 * Saves a file the page fetched (the results need the trainer key in a
 * header, so a plain link cannot fetch them): a temporary object URL and
 * a click on a `download` link, then the URL is released.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
