/** Starts a download the browser handles itself (the session cookie goes along). */
export function download(href: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
