// Credits of what is on screen: producer, date and licence of every visible layer's sources, and
// of the online basemap when one is chosen (Licence Ouverte needs producer + date, ODbL the OSM
// contributors' notice).
import { useMemo } from 'react';
import type { Catalog, CatalogSource } from '../../layers/types';
import { layerDefinitions } from '../../layers/index';
import { basemapById, type BasemapId } from '../map/basemaps';
import type { Visibility } from '../state/visibility';

const OSM_NOTICE = "© les contributeurs d'OpenStreetMap";

/** Open by default only where it leaves the map readable. */
const wideScreen = (): boolean => window.matchMedia('(min-width: 1100px) and (min-height: 700px)').matches;

export interface Credit {
  key: string;
  text: string;
  licence: string;
  licenceUrl?: string;
}

function producerOf(s: CatalogSource): string {
  const odbl = /odbl/i.test(s.licence);
  return odbl && !s.producer.includes(OSM_NOTICE) ? `${OSM_NOTICE} ; ${s.producer}` : s.producer;
}

export function visibleCredits(catalog: Catalog, visibility: Visibility, basemap: BasemapId): Credit[] {
  const credits = new Map<string, Credit>();
  const option = basemapById(basemap);
  if (option.credit) {
    const c = option.credit;
    credits.set(`fond|${c.producer}`, { key: `fond|${c.producer}`, text: `Fond : ${c.producer} (${c.date})`, licence: c.licence });
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
    credits.set(key, { key, text: `${g.producer} (${vintages})`, licence: g.source.licence, licenceUrl: g.source.licenceUrl });
  }
  return [...credits.values()];
}

export function Attribution({ catalog, visibility, basemap }: { catalog: Catalog; visibility: Visibility; basemap: BasemapId }) {
  const credits = useMemo(() => visibleCredits(catalog, visibility, basemap), [catalog, visibility, basemap]);
  return (
    <details className="attribution" open={wideScreen()}>
      <summary>Sources des données affichées</summary>
      <ul>
        {credits.map((c) => (
          <li key={c.key}>
            {c.text} —{' '}
            {c.licenceUrl ? (
              <a href={c.licenceUrl} target="_blank" rel="noopener noreferrer">{c.licence}</a>
            ) : (
              c.licence
            )}
          </li>
        ))}
        {credits.length === 0 && <li>Aucune couche affichée.</li>}
      </ul>
    </details>
  );
}
