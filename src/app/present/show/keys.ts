// Keys of a presentation, including what clickers send: arrows, Page Up / Page Down, space, and
// "." or B (their "blank screen" button). Modified keys are left to the browser (Ctrl+P, Alt+←…).
export type ShowAction = 'suivante' | 'precedente' | 'premiere' | 'derniere' | 'quitter' | 'noir';

interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export function actionForKey(event: KeyLike): ShowAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'n':
    case 'N':
      return 'suivante';
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? 'precedente' : 'suivante';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
    case 'P':
      return 'precedente';
    case 'Home':
      return 'premiere';
    case 'End':
      return 'derniere';
    case 'Escape':
      return 'quitter';
    case 'b':
    case 'B':
    case '.':
      return 'noir';
    default:
      return null;
  }
}

/** Text fields keep their keys (a note being typed must not change slide). */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
