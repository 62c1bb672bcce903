// The cursor's position over the map, in WGS 84 degrees or Lambert-93 metres (a choice remembered on
// this device), in a MapLibre control at the bottom-left, stacked above the scale bar so the two
// never overlap. Without a cursor (touch screens, or the pointer off the map) it shows the map
// centre's coordinates and says so. The text is not a live region (it changes at every mouse
// move); only a copy is announced.
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import { COORDINATE_SYSTEMS, formatPosition, plainSpaces, type CoordinateSystem } from '../../core/geo/coordinates';
import { watchLiveMap } from '../map/live-map';
import { useCoordinateSystem } from '../state/useCoordinateSystem';
import { useI18n } from '../i18n';
import { narrowScreen } from '../ui/screen';
import { copyText } from '../ui/clipboard';
import './coordinates.css';

/** The control's box in MapLibre's bottom-left corner; React renders into it. */
class ReadoutControl implements IControl {
  readonly element = document.createElement('div');
  constructor() {
    this.element.className = 'maplibregl-ctrl coords-ctrl';
  }
  onAdd(): HTMLElement {
    return this.element;
  }
  onRemove(): void {
    this.element.remove();
  }
}

interface Reading {
  lonLat: Position;
  source: 'cursor' | 'centre';
}

/** Follows the mouse over the map (one update per frame), else the map centre. */
function useMapPosition(map: MapLibreMap | null): Reading | null {
  const [reading, setReading] = useState<Reading | null>(null);
  useEffect(() => {
    if (!map) return;
    let frame = 0;
    let pointer: Position | null = null;
    const update = () => {
      frame = 0;
      if (pointer) setReading({ lonLat: pointer, source: 'cursor' });
      else {
        const c = map.getCenter();
        setReading({ lonLat: [c.lng, c.lat], source: 'centre' });
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const move = (e: { lngLat: { lng: number; lat: number }; originalEvent?: Event }) => {
      // Touch events also fire mousemove-like events in some browsers: a finger is not a cursor.
      if (e.originalEvent && 'pointerType' in e.originalEvent && (e.originalEvent as PointerEvent).pointerType === 'touch') return;
      pointer = [e.lngLat.lng, e.lngLat.lat];
      schedule();
    };
    const out = () => {
      pointer = null;
      schedule();
    };
    map.on('mousemove', move);
    map.on('mouseout', out);
    map.on('move', schedule);
    update();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      map.off('mousemove', move);
      map.off('mouseout', out);
      map.off('move', schedule);
    };
  }, [map]);
  return reading;
}

function Readout({ map }: { map: MapLibreMap }) {
  const { t, locale } = useI18n();
  const uid = useId();
  // On phones the map needs the room: the readout starts folded behind one button.
  const [foldable] = useState(narrowScreen);
  const [open, setOpen] = useState(!foldable);
  const { system, choose, toLambert93 } = useCoordinateSystem();
  const reading = useMapPosition(map);
  const textRef = useRef<HTMLSpanElement>(null);
  const [announce, setAnnounce] = useState('');
  const text = reading ? formatPosition(reading.lonLat, system, locale, toLambert93) : null;

  const copy = async () => {
    if (!text) return;
    const plain = plainSpaces(text);
    const ok = await copyText(plain, textRef.current);
    const message = ok ? t('gis.coords.copied', { text: plain }) : t('gis.coords.refused');
    // The same message twice in a row must still be announced: it differs by a trailing no-break space.
    setAnnounce((previous) => (previous === message ? `${message}\u00a0` : message));
  };

  const toggle = foldable && (
    <button type="button" className="coords-toggle" aria-expanded={open} aria-controls={`${uid}-body`} onClick={() => setOpen((o) => !o)}>
      {t('gis.coords.label')}
    </button>
  );
  if (!open) return <div className="coords coords-folded">{toggle}</div>;
  return (
    <div className="coords" role="group" aria-label={t('gis.coords.label')} data-coords={system} id={`${uid}-body`}>
      {toggle}
      <div className="coords-row">
        <label className="visually-hidden" htmlFor={`${uid}-sys`}>
          {t('gis.coords.system')}
        </label>
        <select id={`${uid}-sys`} value={system} onChange={(e) => choose(e.target.value as CoordinateSystem)}>
          {COORDINATE_SYSTEMS.map((s) => (
            <option key={s} value={s}>
              {t(`gis.coords.${s}`)}
            </option>
          ))}
        </select>
        <button type="button" className="coords-copy" onClick={() => void copy()} disabled={!text} aria-describedby={`${uid}-text`}>
          {t('gis.coords.copy')}
        </button>
      </div>
      <p className="coords-text" id={`${uid}-text`}>
        <span className="coords-source">{reading?.source === 'cursor' ? t('gis.coords.cursor') : t('gis.coords.centre')}</span>
        {t('ui.colon')}
        <span ref={textRef} className="coords-value" data-coords-value="">
          {text ?? t('gis.coords.loading')}
        </span>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-coords-status="">
        {announce}
      </p>
    </div>
  );
}

/** Mounted once by the shell; renders nothing until the map exists. */
export function CoordinatesReadout() {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [control] = useState(() => new ReadoutControl());
  useEffect(() => watchLiveMap((live) => setMap(live?.map ?? null)), []);
  useEffect(() => {
    if (!map) return;
    map.addControl(control, 'bottom-left');
    return () => {
      // The map may already be removed (MapView's cleanup runs first when both unmount).
      if (map.hasControl(control)) map.removeControl(control);
    };
  }, [map, control]);
  return map ? createPortal(<Readout map={map} />, control.element) : null;
}
