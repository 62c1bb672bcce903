// The report's text in the header search: report-text.json (written by the data pipeline) is
// fetched on the first keystroke, not with the page, and its sentences become search entries that
// open their card at the sentence.
import { useCallback, useRef, useState } from 'react';
import type { BuiltCard } from '../../../../layers/cards';
import type { ReportPassage, ReportTextFile } from '../../../core/report/passages';
import { DATA_BASE } from '../../../core/data/catalog';
import { fetchJson } from '../../../core/data/fetch-json';
import { normalise } from '../normalise';
import type { SearchEntry } from '../search-index';

/** The result group of the report's sentences, after the cards. */
export const TEXT_GROUP = 'texte';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks what the search relies on; errors are French because the console shows them as they are. */
export function checkReportText(json: unknown): ReportTextFile {
  if (!isRecord(json) || json.version !== 1 || !Array.isArray(json.passages)) throw new Error('fichier du texte du rapport de version inconnue.');
  const ok = json.passages.every(
    (p: unknown) => isRecord(p) && typeof p.card === 'string' && typeof p.heading === 'string' && typeof p.text === 'string',
  );
  if (!ok) throw new Error('fichier du texte du rapport incomplet.');
  return json as unknown as ReportTextFile;
}

export async function fetchReportText(url = `${DATA_BASE}report-text.json`): Promise<ReportTextFile> {
  const json = await fetchJson(url, { subject: 'le texte du rapport', plural: false, fileSubject: 'le fichier du texte du rapport' });
  return checkReportText(json);
}

/** One entry per sentence of a card of this build (a sentence of a card the build lacks is left out). */
export function passageEntries(passages: ReportPassage[], cards: BuiltCard[]): SearchEntry[] {
  const titles = new Map(cards.map((c) => [c.id, c.title]));
  return passages.flatMap((p, i) => {
    const title = titles.get(p.card);
    if (title === undefined) return [];
    return [
      {
        id: `texte-${i}`,
        group: TEXT_GROUP,
        label: p.text,
        detail: title,
        target: { kind: 'card' as const, cardId: p.card, passage: { heading: p.heading, text: p.text } },
        key: normalise(p.text),
        detailKey: normalise(title),
      },
    ];
  });
}

export type ReportTextState = { status: 'attente' } | { status: 'chargement' } | { status: 'ok'; file: ReportTextFile } | { status: 'erreur' };

/** The text index, fetched once when `load` is first called; a failure leaves the search to names and cards. */
export function useReportText(): { state: ReportTextState; load: () => void } {
  const [state, setState] = useState<ReportTextState>({ status: 'attente' });
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState({ status: 'chargement' });
    fetchReportText().then(
      (file) => setState({ status: 'ok', file }),
      (error: unknown) => {
        console.warn(
          'Atlas : texte du rapport non chargé, la recherche porte sur les noms et les fiches :',
          error instanceof Error ? error.message : error,
        );
        setState({ status: 'erreur' });
      },
    );
  }, []);
  return { state, load };
}
