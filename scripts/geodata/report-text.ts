// Report-text step: the sentences of the sections the cards cover, for the app's full-text search
// (public/data/report-text.json, fetched on the first keystroke). The report is read where it
// lives (../shared/report, or ATLAS_REPORT), never copied into the repository; without it the
// atlas works and its search finds names and cards only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportPassages, sectionsNotFound, type ReportTextFile, type SectionOwner } from '../../src/core/report/passages';

export const REPORT_TEXT_FILE = 'report-text.json';

export function reportFile(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ATLAS_REPORT
    ? resolve(projectRoot, env.ATLAS_REPORT)
    : resolve(projectRoot, '..', 'shared', 'report', 'rapport-developpement-durable-2019-2020.md');
}

/** Builds the passages of the cards' sections; throws (in French) when a card names no heading of the report. */
export function buildReportText(markdown: string, cards: SectionOwner[]): ReportTextFile {
  const lost = sectionsNotFound(markdown, cards);
  if (lost.length > 0)
    throw new Error(
      `Texte du rapport : section introuvable dans le rapport pour ${lost.map((c) => `la fiche « ${c.id} » (« ${c.section} »)`).join(', ')}`,
    );
  return { version: 1, passages: reportPassages(markdown, cards) };
}

/** Writes report-text.json into `dir` (the pipeline's staging folder); logs and writes nothing without the report. */
export function writeReportText(projectRoot: string, dir: string, cards: SectionOwner[], log: (line: string) => void): void {
  const file = reportFile(projectRoot);
  if (!existsSync(file)) {
    log(`Texte du rapport absent (${file}) : la recherche ne portera pas sur le texte du rapport.`);
    return;
  }
  const text = buildReportText(readFileSync(file, 'utf8'), cards);
  writeFileSync(join(dir, REPORT_TEXT_FILE), JSON.stringify(text));
  const cardCount = new Set(text.passages.map((p) => p.card)).size;
  log(`Texte du rapport : ${text.passages.length} phrases indexées pour ${cardCount} fiche${cardCount > 1 ? 's' : ''}.`);
}
