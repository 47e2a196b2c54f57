/**
 * Saves text as a file the way browsers do (a Blob and an anchor with `download`), which also
 * works in Electron's renderer without any Node access.
 */

/** Offers `text` to the user as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/xml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: some engines read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
