/**
 * Copies text for the "Copy link" button. The clipboard API needs a secure context, which a
 * phone opening Redline over plain HTTP on the home network does not have; then the shown text
 * is selected instead, for the person to copy with their device's own command.
 */
export async function copyText(text: string, shown: HTMLElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext && 'clipboard' in navigator) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: fall through to selecting the text.
  }
  if (shown !== null) {
    const range = document.createRange();
    range.selectNodeContents(shown);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return false;
}
