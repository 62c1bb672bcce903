// Credits of what is on screen: producer, date and licence of every visible layer's sources, and
// of the online basemap when one is chosen (Licence Ouverte needs producer + date, ODbL the OSM
// contributors' notice).
import { useId, useMemo, useRef, useState } from 'react';
import type { Catalog, CatalogSource } from '../../../layers/types';
import { layerDefinitions } from '../../../layers/index';
import { basemapById, type BasemapId } from '../../core/map-style/basemaps';
import type { Visibility } from '../state/visibility';
import { translate, useI18n, type Locale } from '../i18n';
import { Fr } from '../i18n/Localized';
import { ExternalLink } from './ExternalLink';
import './attribution.css';

const OSM_NOTICE = "© les contributeurs d'OpenStreetMap";

export interface Credit {
  key: string;
  text: string;
  licence: string;
  licenceUrl?: string;
  /** The text comes from the data (French producers' names), not from the catalogues. */
  fromData: boolean;
}

/** The producer as credited: ODbL sources carry the OpenStreetMap contributors' notice first. */
export function producerOf(s: CatalogSource): string {
  const odbl = /odbl/i.test(s.licence);
  return odbl && !s.producer.includes(OSM_NOTICE) ? `${OSM_NOTICE} ; ${s.producer}` : s.producer;
}

export function visibleCredits(catalog: Catalog, visibility: Visibility, basemap: BasemapId, locale: Locale = 'fr'): Credit[] {
  const credits = new Map<string, Credit>();
  const option = basemapById(basemap);
  if (option.credit) {
    const c = option.credit;
    const producer = option.id === 'osm' ? translate(locale, 'ui.attribution.osm') : c.producer;
    const text = translate(locale, 'ui.attribution.basemap', { producer, date: translate(locale, 'ui.attribution.continuous') });
    credits.set(`fond|${c.producer}`, { key: `fond|${c.producer}`, text, licence: c.licence, fromData: false });
  }
  // One line per producer and licence, with all their vintages: shorter, still complete.
  const grouped = new Map<string, { producer: string; vintages: Set<string>; source: CatalogSource }>();
  for (const def of layerDefinitions) {
    if (!visibility.layers.has(def.id)) continue;
    const entry = catalog.layers.find((l) => l.id === def.id);
    for (const id of entry?.sources.length ? entry.sources : def.sources) {
      const source = catalog.sources.find((s) => s.id === id);
      if (!source || source.origin === 'absente') continue;
      const producer = producerOf(source);
      const key = `${producer}|${source.licence}`;
      const group = grouped.get(key) ?? { producer, vintages: new Set<string>(), source };
      for (const v of source.vintage.split(/\s*\/\s*/)) group.vintages.add(v);
      grouped.set(key, group);
    }
  }
  for (const [key, g] of grouped) {
    const vintages = [...g.vintages].sort().join(', ');
    credits.set(key, { key, text: `${g.producer} (${vintages})`, licence: g.source.licence, licenceUrl: g.source.licenceUrl, fromData: true });
  }
  return [...credits.values()];
}

/**
 * The short line shown while the list is closed: the notices a licence wants in sight (the OSM
 * contributors' for ODbL data), then the producers' short names, so the map is never uncredited.
 */
export function shortCredit(credits: Credit[]): string {
  const parts = new Set<string>();
  for (const c of credits) {
    if (c.text.includes(OSM_NOTICE) || /odbl/i.test(c.licence)) parts.add(OSM_NOTICE);
    const sigle = /\(([A-Z][A-Za-z0-9&-]{1,10})\)/.exec(c.text)?.[1] ?? (/\bIGN\b/.test(c.text) ? 'IGN' : null);
    if (sigle) parts.add(sigle);
  }
  return [...parts].join(' · ');
}

/**
 * A compact control in the map's bottom-right corner, closed at first: a « Sources » button and the
 * short notice line. Opened (click, Enter or Space), it lists the visible layers' credits; Escape
 * closes it and gives the focus back to the button. The list stays in the document while closed
 * (hidden), so the page's text still names every producer.
 */
export function Attribution({ catalog, visibility, basemap }: { catalog: Catalog; visibility: Visibility; basemap: BasemapId }) {
  const { t, locale } = useI18n();
  const credits = useMemo(() => visibleCredits(catalog, visibility, basemap, locale), [catalog, visibility, basemap, locale]);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const short = shortCredit(credits);
  return (
    <div
      className={`attribution${open ? ' attribution-open' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <div id={listId} className="attribution-list" hidden={!open}>
        <p className="attribution-title">{t('ui.attribution.summary')}</p>
        <ul>
          {credits.map((c) => (
            <li key={c.key}>
              {c.fromData ? <Fr>{c.text}</Fr> : c.text} —{' '}
              <Fr>{c.licenceUrl ? <ExternalLink href={c.licenceUrl}>{c.licence}</ExternalLink> : c.licence}</Fr>
            </li>
          ))}
          {credits.length === 0 && <li>{t('ui.attribution.none')}</li>}
        </ul>
        <p className="attribution-more">{t('shell.attribution.more')}</p>
      </div>
      <div className="attribution-bar">
        <button
          ref={button}
          type="button"
          className="attribution-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="attribution-icon">
            i
          </span>
          {open ? t('shell.attribution.close') : t('shell.attribution.open')}
        </button>
        {short && (
          <span className="attribution-short">
            <Fr>{short}</Fr>
          </span>
        )}
      </div>
    </div>
  );
}
