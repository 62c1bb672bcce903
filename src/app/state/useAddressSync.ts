// Keeps the address in step with the view: the hash is rewritten when the view changes (no history
// entry per camera move), and a hash typed, pasted or followed from a link applies without a reload.
import { useEffect, useEffectEvent } from 'react';
import { formatHash, parseHash, replaceHash, type UrlState } from './url-state';

/** Returns the formatted hash of `urlState`. */
export function useAddressSync(urlState: UrlState, onAddress: (url: UrlState) => void): string {
  const hash = formatHash(urlState);
  // Keyed on the text of the hash: urlState is a new object every render.
  useEffect(() => replaceHash(hash), [hash]);
  const follow = useEffectEvent(() => onAddress(parseHash(window.location.hash)));
  useEffect(() => {
    const onHashChange = () => follow();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return hash;
}
