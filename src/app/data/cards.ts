// Loads the report cards written by the data pipeline (public/data/cards.json). The cards are
// optional for the map: a missing or broken file only puts a message in the Rapport tab.
import { useEffect, useState } from 'react';
import type { BuiltCard, CardsFile } from '../../../layers/cards';
import { DATA_BASE } from '../../core/data/catalog';
import { fetchJson } from '../../core/data/fetch-json';

export type CardsState = { status: 'chargement' } | { status: 'ok'; file: CardsFile } | { status: 'erreur'; message: string };

/** Reads and sanity-checks cards.json; errors are French because the UI shows them as they are. */
export async function fetchCards(url = `${DATA_BASE}cards.json`, signal?: AbortSignal): Promise<CardsFile> {
  const json = await fetchJson(url, { subject: 'les fiches du rapport', plural: true, fileSubject: 'le fichier des fiches du rapport' }, signal);
  return checkCardsFile(json);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every(isString);

/**
 * Checks what the views rely on (the pipeline owns the full validation against the schema), so
 * that a hand-edited or truncated file gives a message instead of a blank panel.
 */
export function checkCardsFile(json: unknown): CardsFile {
  if (!isRecord(json) || json.version !== 1) throw new Error('fichier des fiches de version inconnue.');
  const report = json.report;
  if (!isRecord(report) || !isString(report.title) || !isString(report.date) || !isString(report.act)) {
    throw new Error('fichier des fiches sans référence du rapport.');
  }
  if (!Array.isArray(json.cards)) throw new Error('fichier des fiches sans liste de fiches.');
  json.cards.forEach((card: unknown, i) => {
    const where = `fiche n° ${i + 1}`;
    if (!isRecord(card) || !isString(card.id) || !isString(card.title)) throw new Error(`${where} sans identifiant ni titre.`);
    const ok =
      ['summary', 'part', 'theme', 'section'].every((k) => isString(card[k])) &&
      isRecord(card.finalites) &&
      isStringArray(card.finalites.values) &&
      Array.isArray(card.officials) &&
      isStringArray(card.partners) &&
      isStringArray(card.perspectives) &&
      Array.isArray(card.figures) &&
      card.figures.every(
        (f: unknown) => isRecord(f) && isString(f.id) && isString(f.label) && typeof f.value === 'number' && isString(f.unit) && isString(f.quote),
      ) &&
      (card.charts === undefined || Array.isArray(card.charts)) &&
      Array.isArray(card.links) &&
      isRecord(card.measured) &&
      Array.isArray(card.mapMeasured);
    if (!ok) throw new Error(`fiche « ${card.id} » incomplète.`);
  });
  return json as unknown as CardsFile;
}

export function useCards(): CardsState {
  const [state, setState] = useState<CardsState>({ status: 'chargement' });
  useEffect(() => {
    const controller = new AbortController();
    fetchCards(undefined, controller.signal).then(
      (file) => setState({ status: 'ok', file }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        console.warn('Atlas : fiches du rapport non chargées :', message);
        setState({ status: 'erreur', message });
      },
    );
    return () => controller.abort();
  }, []);
  return state;
}

export function findCard(state: CardsState, id: string | null): BuiltCard | null {
  if (!id || state.status !== 'ok') return null;
  return state.file.cards.find((c) => c.id === id) ?? null;
}
