// Loads the communes' profiles written by the pipeline (public/data/communes.json, precached for
// offline use like the rest of data/), and the formatting rules of the page that are not words.
import { useEffect, useState } from 'react';
import type { CommuneFigure, CommunesFile } from '../../../layers/commune-profile';
import { DATA_BASE } from '../../core/data/catalog';
import { fetchJson } from '../../core/data/fetch-json';
import type { Locale } from '../i18n';

export type CommunesState = { status: 'chargement' } | { status: 'ok'; file: CommunesFile } | { status: 'erreur'; message: string };

/** Reads communes.json and checks what the page relies on; French errors, shown as they are. */
export async function fetchCommunes(url = `${DATA_BASE}communes.json`): Promise<CommunesFile> {
  const json = (await fetchJson(url, { subject: 'les fiches des communes', plural: true, fileSubject: 'le fichier des communes' })) as CommunesFile;
  if (json?.version !== 1 || !Array.isArray(json.communes) || !Array.isArray(json.totals))
    throw new Error('fichier des communes de version inconnue.');
  for (const c of json.communes)
    if (typeof c.code !== 'string' || typeof c.nom !== 'string' || !Array.isArray(c.figures)) throw new Error('fichier des communes incomplet.');
  return json;
}

let cache: Promise<CommunesFile> | null = null;

export function useCommunes(): CommunesState {
  const [state, setState] = useState<CommunesState>({ status: 'chargement' });
  useEffect(() => {
    let live = true;
    cache ??= fetchCommunes();
    cache.then(
      (file) => live && setState({ status: 'ok', file }),
      (error: unknown) => {
        cache = null;
        if (live) setState({ status: 'erreur', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** « 1re », « 3e » in French; « 1st », « 3rd » in English. */
export function ordinal(locale: Locale, n: number): string {
  if (locale === 'fr') return n === 1 ? '1re' : `${n}e`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Decimals a figure is shown with: counts none, lengths 1 (7,5 km), areas 1. */
export function decimalsOf(figure: Pick<CommuneFigure, 'unit'>): number {
  return figure.unit === 'nombre' || figure.unit === 'habitants' ? 0 : 1;
}

/** Units as written after a number; counts have none. */
export function unitText(unit: string, habitants: string): string {
  return unit === 'nombre' ? '' : unit === 'habitants' ? ` ${habitants}` : ` ${unit}`;
}

/** Figures shown as small charts: the headline ones. */
export const CHART_FIGURES = [
  'population',
  'surface',
  'ev5',
  'cavaliers',
  'terrils',
  'espaces',
  'cites',
  'cites-surface',
  'puits',
  'dechets-distance',
];

/** The headline figures of the A4 sheet and the comparison's first rows. */
export const HEADLINE_FIGURES = [
  'population',
  'surface',
  'ev5',
  'cavaliers',
  'terrils',
  'terrils-surface',
  'espaces',
  'cites',
  'cites-surface',
  'cites-erbm',
  'batis',
  'puits',
  'qpv',
  'dechets',
  'dechets-distance',
  'captages',
];
