// Credits burnt into every export: where the data comes from, when, under which licence.
// Isomorphic (runs in the export worker). Wording follows src/app/ui/Attribution.tsx: producer, then
// vintages, then licence; ODbL sources carry the OpenStreetMap contributors' notice.
import type { Catalog, CatalogSource } from '../../layers/types';
import type { Credit } from './types';

export const OSM_NOTICE = "© les contributeurs d'OpenStreetMap (ODbL)";
export const ATLAS_NOTICE = "Réalisé avec l'Atlas Lens-Liévin";

const isOdbl = (licence: string): boolean => /odbl/i.test(licence);

const creditKey = (c: Credit): string => [c.producer, c.date, c.licence, c.attribution].join('\u0000');

function creditOfSource(source: CatalogSource): Credit {
  return { producer: source.producer, date: source.vintage, licence: source.licence, attribution: source.attribution };
}

/**
 * Credits of the sources of the layers owning `sublayerIds`, in catalog order, deduplicated.
 * Sources absent from this build are left out, as on the map's attribution: none of their
 * data can be in the export.
 */
export function creditsFromCatalog(catalog: Catalog, sublayerIds: string[]): Credit[] {
  const wanted = new Set(sublayerIds);
  const sourceIds = new Set<string>();
  for (const layer of catalog.layers) {
    if (!layer.sublayers.some((s) => wanted.has(s.id))) continue;
    for (const id of layer.sources) sourceIds.add(id);
  }
  const credits = catalog.sources.filter((s) => sourceIds.has(s.id) && s.origin !== 'absente').map(creditOfSource);
  return mergeCredits(credits);
}

/** Date part of an ISO timestamp (the credit says on which day, not at which millisecond). */
function dayOf(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(timestamp) ? timestamp.slice(0, 10) : timestamp;
}

/** Credit of a user's file: we cannot know its licence, so we say so and name the file. */
export function importCredit(fileName: string, importedAt: string): Credit {
  const date = dayOf(importedAt);
  return {
    producer: `Fichier importé « ${fileName} »`,
    date,
    licence: 'selon le fichier source',
    attribution: `Données du fichier « ${fileName} », importé le ${date} ; droits et licence selon leur producteur`,
  };
}

/** Concatenation without duplicates (same producer, date, licence and attribution), first seen first. */
export function mergeCredits(...lists: Credit[][]): Credit[] {
  const seen = new Map<string, Credit>();
  for (const list of lists) for (const credit of list) if (!seen.has(creditKey(credit))) seen.set(creditKey(credit), credit);
  return [...seen.values()];
}

/**
 * One French line naming every source, e.g.
 * "Sources : Mission Bassin Minier (2018, 2026, Licence Ouverte / Etalab 2.0) ; © les contributeurs
 * d'OpenStreetMap (ODbL). Réalisé avec l'Atlas Lens-Liévin."
 * Like the map's attribution, one entry per producer and licence with all their dates.
 */
export function attributionSentence(credits: Credit[]): string {
  const groups = new Map<string, { producer: string; licence: string; dates: Set<string> }>();
  for (const c of credits) {
    const key = `${c.producer}|${c.licence}`;
    const group = groups.get(key) ?? { producer: c.producer, licence: c.licence, dates: new Set<string>() };
    for (const d of c.date.split(/\s*\/\s*/)) if (d.trim()) group.dates.add(d.trim());
    groups.set(key, group);
  }
  const parts = [...groups.values()].map((g) => {
    const dates = [...g.dates].sort().join(', ');
    const detail = [dates, g.licence].filter((s) => s.length > 0).join(', ');
    return detail ? `${oneLine(g.producer)} (${oneLine(detail)})` : oneLine(g.producer);
  });
  // Licence Ouverte needs producer + date (above); ODbL needs this exact notice.
  if (credits.some((c) => isOdbl(c.licence))) parts.push(OSM_NOTICE);
  return parts.length > 0 ? `Sources : ${parts.join(' ; ')}. ${ATLAS_NOTICE}.` : `${ATLAS_NOTICE}.`;
}

/**
 * ODbL §4.4 (share-alike): whoever publishes a database derived from OpenStreetMap data must
 * offer it under the ODbL. Said in full in exports that leave the atlas; null without ODbL data.
 */
export function shareAlikeNotice(credits: Credit[]): string | null {
  if (!credits.some((c) => isOdbl(c.licence))) return null;
  return (
    "Ces données dérivent d'OpenStreetMap (ODbL 1.0, https://opendatacommons.org/licenses/odbl/1-0/) : " +
    'toute base de données qui en est tirée et diffusée doit l’être sous la même licence, avec cette mention.'
  );
}

/** File names and producers may hold line breaks: the sentence must stay on one line. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
