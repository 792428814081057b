/**
 * Offers a file for download, made in this page from what it already shows: nothing is sent
 * anywhere (P1). The object URL is let go a moment after the click.
 */
export function offerDownload(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
