// Which chapter is being read: the one crossing a thin band at mid-height of the window (the map
// covers the top of a phone's screen, so the text is read below it). Keyboard readers make a
// chapter current by moving the focus into it.
import { useEffect, useEffectEvent } from 'react';

/** Mid-height band of the viewport (top and bottom margins cut off). */
const READING_LINE = '-50% 0px -49% 0px';

export function useCurrentChapter(ids: string[], elementId: (id: string) => string, onCurrent: (id: string) => void): void {
  const report = useEffectEvent((id: string) => onCurrent(id));
  const key = ids.join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const elements = ids.map((id) => document.getElementById(elementId(id))).filter((e): e is HTMLElement => !!e);
    const idOf = new Map(elements.map((e, i) => [e, ids[i]]));
    const observer = new IntersectionObserver(
      (entries) => {
        const crossing = entries.filter((e) => e.isIntersecting);
        const last = crossing[crossing.length - 1];
        const id = last && idOf.get(last.target as HTMLElement);
        if (id) report(id);
      },
      { rootMargin: READING_LINE },
    );
    for (const e of elements) observer.observe(e);
    const onFocus = (event: FocusEvent) => {
      const section = (event.target as HTMLElement).closest?.('.story-chapter');
      const id = section && idOf.get(section as HTMLElement);
      if (id) report(id);
    };
    document.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocus);
    };
  }, [key, elementId]);
}
