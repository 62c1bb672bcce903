// Full screen for the presentation. The standard API, then Safari's prefixed one (desktop and
// iPad); where neither exists (iPhone, an iframe without allowfullscreen) the presentation still
// fills the window (CSS), which is the fallback.
type Prefixed = { webkitRequestFullscreen?: () => Promise<void> | void };
type PrefixedDocument = Document & { webkitFullscreenElement?: Element | null; webkitExitFullscreen?: () => Promise<void> | void };

export function fullscreenAvailable(): boolean {
  const el = document.documentElement as HTMLElement & Prefixed;
  return (document.fullscreenEnabled ?? false) || typeof el.webkitRequestFullscreen === 'function';
}

export function isFullscreen(): boolean {
  const doc = document as PrefixedDocument;
  return !!(doc.fullscreenElement ?? doc.webkitFullscreenElement);
}

/** Must run inside the user's gesture (click, key). Resolves to false when refused. */
export async function enterFullscreen(): Promise<boolean> {
  const el = document.documentElement as HTMLElement & Prefixed;
  try {
    if (document.fullscreenEnabled && el.requestFullscreen) await el.requestFullscreen({ navigationUI: 'hide' });
    else if (el.webkitRequestFullscreen) await el.webkitRequestFullscreen();
    else return false;
    return true;
  } catch {
    return false;
  }
}

export async function exitFullscreen(): Promise<void> {
  const doc = document as PrefixedDocument;
  if (!isFullscreen()) return;
  try {
    if (doc.exitFullscreen) await doc.exitFullscreen();
    else await doc.webkitExitFullscreen?.();
  } catch {
    // Already left (Escape pressed at the same time).
  }
}

export function onFullscreenChange(listener: () => void): () => void {
  document.addEventListener('fullscreenchange', listener);
  document.addEventListener('webkitfullscreenchange', listener);
  return () => {
    document.removeEventListener('fullscreenchange', listener);
    document.removeEventListener('webkitfullscreenchange', listener);
  };
}
