// Keeps the address in step with the view: the hash is rewritten when the view changes (no history
// entry per camera move), and a hash typed, pasted or followed from a link applies without a reload.
// The app only overwrites an address it wrote itself: when the address is no longer the one it last
// wrote or followed (changed under it, e.g. pasted during a camera flight whose moves re-render the
// app before the browser's `hashchange` arrives), it follows that address instead of erasing it.
import { useEffect, useEffectEvent, useRef } from 'react';
import { formatHash, parseHash, replaceHash, type UrlState } from './url-state';

/** Returns the formatted hash of `urlState`. */
export function useAddressSync(urlState: UrlState, onAddress: (url: UrlState) => void): string {
  const hash = formatHash(urlState);
  /** The address as the app last left it (written or followed); null before the first write. */
  const known = useRef<string | null>(null);
  const follow = useEffectEvent(() => {
    known.current = window.location.hash;
    onAddress(parseHash(window.location.hash));
  });
  // Keyed on the text of the hash: urlState is a new object every render.
  useEffect(() => {
    if (known.current !== null && window.location.hash !== known.current) return follow();
    replaceHash(hash);
    known.current = window.location.hash;
  }, [hash]);
  useEffect(() => {
    const onHashChange = (event: HashChangeEvent) => {
      // The browser's event for an address the effect above already followed. (The slide show
      // dispatches its own events, not trusted ones: those are always followed.)
      if (event.isTrusted && window.location.hash === known.current) return;
      follow();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return hash;
}
