// One polite live region for the whole app (visible feature count, search results, table sorting).
// It exists in the page before anything is announced, as screen readers require; the same text
// twice in a row is announced twice (the region is emptied first).
const REGION_ID = 'annonces';

function region(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  let el = document.getElementById(REGION_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = REGION_ID;
    el.className = 'visually-hidden';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('aria-atomic', 'true');
    document.body.appendChild(el);
  }
  return el;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(text: string): void {
  const el = region();
  if (!el) return;
  el.textContent = '';
  clearTimeout(timer);
  timer = setTimeout(() => {
    el.textContent = text;
  }, 60);
}

// Created at start-up, so the first announcement is not lost.
if (typeof document !== 'undefined' && document.body) region();
