// Copies coordinates: the async Clipboard API, else the legacy copy of the selected text. When the
// browser refuses both, `element`'s text is left selected so that Ctrl+C still works; the caller
// says so in French.
export async function copyCoordinates(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or document not focused: fall back below.
  }
  if (!element) return false;
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    // The legacy command copies the selection (not `text`): the element shows the same coordinates.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
