// The measure's vertices with their coordinates in the system chosen for the map's readout, each
// copyable, and all at once (one vertex a line: a GIS desk pastes them into a table).
import { useRef, useState } from 'react';
import type { Position } from 'geojson';
import { formatPosition, plainSpaces } from '../../core/geo/coordinates';
import { useCoordinateSystem } from '../state/useCoordinateSystem';
import { useI18n } from '../i18n';
import { copyText } from '../ui/clipboard';

export function VertexList({ points }: { points: Position[] }) {
  const { t, locale } = useI18n();
  const { system, toLambert93 } = useCoordinateSystem();
  const [announce, setAnnounce] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const valueRefs = useRef<(HTMLSpanElement | null)[]>([]);
  if (!points.length) return null;
  const texts = points.map((p) => formatPosition(p, system, locale, toLambert93));
  const ready = texts.every((x) => x !== null);

  const copy = async (text: string, element: HTMLElement | null, done: string) => {
    const ok = await copyText(plainSpaces(text), element);
    const message = ok ? done : t('gis.coords.refused');
    setAnnounce((previous) => (previous === message ? `${message}\u00a0` : message));
  };

  return (
    <div className="wb-vertices">
      <h4 id="wb-sommets-titre">{t('gis.vertices.title', { system: t(`gis.coords.${system}`) })}</h4>
      <ol ref={listRef} aria-labelledby="wb-sommets-titre" data-vertices={system}>
        {texts.map((text, i) => (
          <li key={i}>
            <span className="visually-hidden">{t('gis.vertices.item', { n: i + 1 })} </span>
            <span className="wb-vertex" ref={(el) => void (valueRefs.current[i] = el)} data-vertex={i}>
              {text ?? t('gis.coords.loading')}
            </span>
            <button
              type="button"
              className="wb-vertex-copy"
              disabled={!text}
              aria-label={t('gis.vertices.copy', { n: i + 1 })}
              onClick={() => text && void copy(text, valueRefs.current[i] ?? null, t('gis.coords.copied', { text: plainSpaces(text) }))}
            >
              {t('gis.vertices.copyShort')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" disabled={!ready} onClick={() => void copy(texts.join('\n'), listRef.current, t('gis.vertices.copied'))}>
        {t('gis.vertices.copyAll')}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
