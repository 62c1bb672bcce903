// Credits of what is on screen: producer, date and licence of every visible layer's sources, and
// of the online basemap when one is chosen (Licence Ouverte needs producer + date, ODbL the OSM
// contributors' notice).
import { useMemo } from 'react';
import type { Catalog, CatalogSource } from '../../../layers/types';
import { layerDefinitions } from '../../../layers/index';
import { basemapById, type BasemapId } from '../../core/map-style/basemaps';
import type { Visibility } from '../state/visibility';
import { translate, useI18n, type Locale } from '../i18n';
import { Fr } from '../i18n/Localized';
import { ExternalLink } from './ExternalLink';
import { wideScreen } from './screen';

const OSM_NOTICE = "© les contributeurs d'OpenStreetMap";

/** Open by default only where it leaves the map readable. */

export interface Credit {
  key: string;
  text: string;
  licence: string;
  licenceUrl?: string;
  /** The text comes from the data (French producers' names), not from the catalogues. */
  fromData: boolean;
}

function producerOf(s: CatalogSource): string {
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

export function Attribution({ catalog, visibility, basemap }: { catalog: Catalog; visibility: Visibility; basemap: BasemapId }) {
  const { t, locale } = useI18n();
  const credits = useMemo(() => visibleCredits(catalog, visibility, basemap, locale), [catalog, visibility, basemap, locale]);
  return (
    <details className="attribution" open={wideScreen()}>
      <summary>{t('ui.attribution.summary')}</summary>
      <ul>
        {credits.map((c) => (
          <li key={c.key}>
            {c.fromData ? <Fr>{c.text}</Fr> : c.text} —{' '}
            <Fr>{c.licenceUrl ? <ExternalLink href={c.licenceUrl}>{c.licence}</ExternalLink> : c.licence}</Fr>
          </li>
        ))}
        {credits.length === 0 && <li>{t('ui.attribution.none')}</li>}
      </ul>
    </details>
  );
}
