// Copy to the clipboard: the async Clipboard API (secure contexts), else the legacy command on the
// selected text of `shown` (a field, or an element showing the same text). Resolves false when
// neither works: the text is then left selected so that Ctrl+C still works, and the caller says so.
export async function copyText(text: string, shown: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or document not focused: fall back below.
  }
  if (!shown) return false;
  if (shown instanceof HTMLInputElement || shown instanceof HTMLTextAreaElement) {
    shown.focus();
    shown.select();
  } else {
    const range = document.createRange();
    range.selectNodeContents(shown);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  try {
    // The legacy command copies the selection (not `text`): `shown` shows the same text.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
