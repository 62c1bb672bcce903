// Full-text search of the report: the pipeline's passages (sentences of each card's section, read
// from ../shared/report), the search entries they make, and the marks put on the found words.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltCard } from '../../layers/cards';
import { reportPassages, sentencesOf } from '../../src/core/report/passages';
import { buildReportText, REPORT_TEXT_FILE, writeReportText } from '../../scripts/geodata/report-text';
import { loadCards } from '../../scripts/geodata/cards';
import { search } from '../../src/app/search/search-index';
import { matchRanges, segments, snippet } from '../../src/app/search/text/highlight';
import { passageEntries, TEXT_GROUP } from '../../src/app/search/text/report-text';
import { REPORT_FILE, loadReport } from '../support/report';

const ROOT = resolve(import.meta.dirname, '..', '..');
const report = loadReport();
const markdown = report ? readFileSync(REPORT_FILE, 'utf8') : '';
const built = (card: ReturnType<typeof loadCards>[number]): BuiltCard => ({ ...card, measured: {}, mapMeasured: [] });
const cards = loadCards(ROOT).map(built);

/** A card without map (no links) for a section no card of the repository covers. */
const withoutMap: BuiltCard = {
  ...cards[0],
  id: 'revolution-industrielle',
  title: 'Troisième Révolution Industrielle',
  section: '5– Troisième Révolution Industrielle',
  links: [],
};

function textResults(all: BuiltCard[], query: string) {
  const passages = buildReportText(markdown, all).passages;
  return search(passageEntries(passages, all), query, 50).find((g) => g.group === TEXT_GROUP)?.entries ?? [];
}

describe('report passages', () => {
  it('cuts paragraphs into sentences, not after an abbreviation or inside a number', () => {
    expect(sentencesOf('Le port a 571 429 T de trafic. Il signe sa cinquième hausse. M. Dupont préside, 2,5 km.')).toEqual([
      'Le port a 571 429 T de trafic.',
      'Il signe sa cinquième hausse.',
      'M. Dupont préside, 2,5 km.',
    ]);
  });

  it('gives a sentence to the deepest section a card covers, sub-headings included, emphasis removed', () => {
    const md = [
      '## 3–Une attractivité',
      'Le territoire **attire**.',
      '### Port Fluvial de Harnes',
      'Le port de *Harnes* progresse.',
      '#### • Trafic',
      'Hausse de 8 %.',
      '## Autre',
      'Hors fiche.',
    ].join('\n');
    const passages = reportPassages(md, [
      { id: 'attractivite', section: '3–Une attractivité' },
      { id: 'port', section: 'Port Fluvial de Harnes' },
    ]);
    expect(passages).toEqual([
      { card: 'attractivite', heading: '3–Une attractivité', text: 'Le territoire attire.' },
      { card: 'port', heading: 'Port Fluvial de Harnes', text: 'Le port de Harnes progresse.' },
      { card: 'port', heading: 'Trafic', text: 'Trafic' },
      { card: 'port', heading: 'Trafic', text: 'Hausse de 8 %.' },
    ]);
  });

  it('refuses a card whose section is no heading of the report', () => {
    expect(() => buildReportText('## Une section\nTexte.', [{ id: 'x', section: 'Une autre' }])).toThrow(/fiche « x »/);
  });
});

describe('pipeline step', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-report-text-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    delete process.env.ATLAS_REPORT;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('writes report-text.json from the report ATLAS_REPORT names', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'rapport.md'), '## 2- Une section\n\nPremière phrase. Deuxième phrase.\n');
    process.env.ATLAS_REPORT = join(dir, 'rapport.md');
    const lines: string[] = [];
    writeReportText(ROOT, dir, [{ id: 'une', section: '2- Une section' }], (l) => lines.push(l));
    expect(JSON.parse(readFileSync(join(dir, REPORT_TEXT_FILE), 'utf8'))).toEqual({
      version: 1,
      passages: [
        { card: 'une', heading: '2- Une section', text: 'Première phrase.' },
        { card: 'une', heading: '2- Une section', text: 'Deuxième phrase.' },
      ],
    });
    expect(lines).toEqual(['Texte du rapport : 2 phrases indexées pour 1 fiche.']);
  });

  it('without the report, writes nothing and says the search will not cover its text', () => {
    const dir = tmp();
    process.env.ATLAS_REPORT = join(dir, 'absent.md');
    const lines: string[] = [];
    writeReportText(ROOT, dir, [{ id: 'une', section: 'x' }], (l) => lines.push(l));
    expect(existsSync(join(dir, REPORT_TEXT_FILE))).toBe(false);
    expect(lines[0]).toMatch(/^Texte du rapport absent .*: la recherche ne portera pas sur le texte du rapport\.$/);
  });
});

describe.skipIf(!report)('search in the report text (../shared/report)', () => {
  it('finds « hydrogène », « compostage » and « Pass Pass », accent-insensitive, in the cards of their sections', () => {
    const hydrogen = textResults(cards, 'hydrogene');
    expect(hydrogen.map((e) => e.target)).toEqual([
      expect.objectContaining({
        kind: 'card',
        cardId: 'mobilite-velo',
        passage: expect.objectContaining({ text: expect.stringContaining('dont une à Hydrogène') }),
      }),
    ]);
    const compost = textResults(cards, 'compostage');
    expect(new Set(compost.map((e) => (e.target.kind === 'card' ? e.target.cardId : '')))).toEqual(
      new Set(['dechets-collecte', 'dechets-prevention', 'dechets-sensibilisation']),
    );
    expect(textResults(cards, 'Pass Pass')[0]?.label).toContain('carte Pass Pass nominative');
  });

  it('finds a word that only a card without map holds, and opens that card at its sentence', () => {
    // « grippe » stands only in « 3 - Le bien-être au travail » (line 279), a section with no place on the map.
    const card = cards.find((c) => c.id === 'bien-etre-au-travail');
    expect(card?.links).toEqual([]);
    const found = textResults(cards, 'GRIPPE');
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((e) => (e.target.kind === 'card' ? e.target.cardId : e.target.kind)))).toEqual(new Set(['bien-etre-au-travail']));
    expect(found.map((e) => e.target)).toContainEqual({
      kind: 'card',
      cardId: 'bien-etre-au-travail',
      passage: { heading: expect.stringContaining('Vaccination contre la grippe'), text: expect.stringContaining('contre la grippe saisonnière') },
    });
    // The synthetic card without map of this file is found the same way.
    expect(textResults([...cards.filter((c) => c.section !== withoutMap.section), withoutMap], 'MENTORS')[0].target).toMatchObject({
      kind: 'card',
      cardId: withoutMap.id,
    });
  });

  it('leaves out sentences of cards this build does not have', () => {
    const passages = buildReportText(markdown, [...cards, withoutMap]).passages;
    expect(passageEntries(passages, cards).some((e) => e.target.kind === 'card' && e.target.cardId === withoutMap.id)).toBe(false);
  });
});

describe('marks', () => {
  it('marks whole words, whatever the accents, case and œ', () => {
    const text = 'dont une à Hydrogène, des kits de compostage et une œuvre';
    expect(
      segments(text, 'hydrogene COMPOST oeuvre')
        .filter((s) => s.marked)
        .map((s) => s.text),
    ).toEqual(['Hydrogène', 'compostage', 'œuvre']);
    expect(matchRanges(text, '')).toEqual([]);
    expect(segments(text, 'pas là').every((s) => !s.marked)).toBe(true);
  });

  it('cuts a long sentence around the first match', () => {
    const long = `${'mot '.repeat(40)}hydrogène ${'fin '.repeat(40)}`.trim();
    const cut = snippet(long, 'hydrogene');
    expect(cut).toMatch(/^… .*hydrogène.* …$/);
    expect(cut.length).toBeLessThan(long.length);
  });
});
