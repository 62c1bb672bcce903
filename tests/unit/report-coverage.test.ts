// The whole report is in the atlas: every `##` section of the report (territorial project, Partie 1,
// Partie 2, and the sommaire, introduction and closing headings around them) is covered by exactly
// one card or listed, with its reason, in geodata/cards/exclusions.json. The deck and the cards list
// follow the report's own order. The test reads the report in ../shared/report (never copied).
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuiltCard, CardsFile, ReportCard, SectionRef } from '../../layers/cards';
import { loadCards, loadExclusions } from '../../scripts/geodata/cards';
import { reportOrder } from '../../src/app/cards/report-order';
import { groupCards } from '../../src/app/cards/CardList';
import { defaultDeck } from '../../src/app/present/deck/default-deck';
import { defaultVisibility } from '../../src/app/state/visibility';
import { findHeading, headingEnd, loadReport, type Heading, type Report } from '../support/report';

const projectRoot = resolve(__dirname, '..', '..');
const cards = loadCards(projectRoot);
const exclusions = loadExclusions(projectRoot);
const report = loadReport();

const label = (h: Heading) => `« ${h.text} » (ligne ${h.line + 1}${h.occurrence > 1 ? `, occurrence ${h.occurrence}` : ''})`;
const refsOf = (card: ReportCard): SectionRef[] => [{ section: card.section, occurrence: card.sectionOccurrence }, ...(card.moreSections ?? [])];

/** The `##` section a heading stands in (itself when it is one). */
function sectionOf(r: Report, heading: Heading): Heading | undefined {
  return r.headings.filter((h) => h.level === 2 && h.line <= heading.line).find((h) => headingEnd(r, h) > heading.line);
}

/** The `#` heading (report part) a line stands under. */
const partOf = (r: Report, line: number) => r.headings.filter((h) => h.level === 1 && h.line <= line).at(-1)?.text ?? '';

function built(list: ReportCard[]): BuiltCard[] {
  return list.map((c) => ({ ...c, measured: {}, mapMeasured: [] }));
}

describe.skipIf(!report)('coverage of the report', () => {
  const r = report!;
  const sections = r.headings.filter((h) => h.level === 2);
  /** Who covers each `##` section: card ids and exclusions, by heading line. */
  const claims = new Map<number, string[]>(sections.map((h) => [h.line, []]));
  /** Cards whose section is a sub-heading of a `##` section: a focus on part of that section. */
  const focus: { card: string; parent: Heading }[] = [];
  const unknown: string[] = [];

  for (const card of cards) {
    for (const ref of refsOf(card)) {
      const h = findHeading(r, ref.section, ref.occurrence);
      if (!h) unknown.push(`fiche ${card.id} : « ${ref.section} »`);
      else if (h.level === 2) claims.get(h.line)!.push(`fiche ${card.id}`);
      else {
        const parent = sectionOf(r, h);
        if (parent) focus.push({ card: card.id, parent });
        else unknown.push(`fiche ${card.id} : « ${ref.section} » n'est dans aucune section ##`);
      }
    }
  }
  for (const e of exclusions) {
    const h = findHeading(r, e.section, e.occurrence);
    if (!h || h.level !== 2) unknown.push(`exclusion « ${e.section} » : pas un titre ## du rapport`);
    else claims.get(h.line)!.push(`exclusion (${e.kind})`);
  }

  it('the report has the sections the issue counts (tests read the real file)', () => {
    expect(sections.length).toBeGreaterThan(45);
    // Partie 1: 6 sections with content, two of them under the same heading.
    const p1 = sections.filter((h) => partOf(r, h.line) === 'PARTIE 1');
    expect(p1.length).toBe(7);
    expect(p1.filter((h) => h.text === '1 - Mise en commun des moyens et savoir-faire').map((h) => h.occurrence)).toEqual([1, 2]);
  });

  it('every card and exclusion names a heading of the report', () => {
    expect(unknown).toEqual([]);
  });

  it('every ## section is covered by exactly one card or one listed exclusion', () => {
    const uncovered = sections.filter((h) => claims.get(h.line)!.length === 0).map(label);
    const twice = sections.filter((h) => claims.get(h.line)!.length > 1).map((h) => `${label(h)} : ${claims.get(h.line)!.join(', ')}`);
    expect(uncovered, `sections sans fiche ni exclusion :\n  ${uncovered.join('\n  ')}`).toEqual([]);
    expect(twice, `sections couvertes deux fois :\n  ${twice.join('\n  ')}`).toEqual([]);
  });

  it('a card on part of a section comes beside the card of the whole section, never instead of it', () => {
    expect(focus.length).toBeGreaterThan(0);
    for (const { card, parent } of focus)
      expect(
        claims.get(parent.line)!.filter((c) => c.startsWith('fiche ')),
        `fiche ${card} : la section ${label(parent)} n'a pas sa propre fiche`,
      ).toHaveLength(1);
  });

  it('a card names the part of the report its section stands in', () => {
    const expected: Record<string, RegExp> = {
      "PROJET DE TERRITOIRE DE LA COMMUNAUTE D'AGGLOMERATION DE LENS-LIEVIN A L'HORIZON 2030": /^Projet de territoire /,
      'PARTIE 1': /^Partie 1 : /,
      'PARTIE 2': /^Partie 2 : /,
    };
    for (const card of cards) {
      const h = findHeading(r, card.section, card.sectionOccurrence)!;
      const part = partOf(r, h.line);
      expect(expected[part], `fiche ${card.id} : partie « ${part} »`).toBeDefined();
      expect(card.part, `fiche ${card.id}`).toMatch(expected[part]);
    }
  });

  // The app has no copy of the report: its order is read from part, theme and section number.
  // Here it is checked against the line where each card's section starts.
  const byLine = [...cards].sort(
    (a, b) => findHeading(r, a.section, a.sectionOccurrence)!.line - findHeading(r, b.section, b.sectionOccurrence)!.line,
  );

  it("the default deck has one slide per card, in the report's order", () => {
    const file: CardsFile = { version: 1, report: { title: 'Rapport', date: '28 janvier 2021', act: 'x' }, cards: built(cards) };
    const deck = defaultDeck(file, [2.6, 50.3, 3.0, 50.5], defaultVisibility(), { openingTitle: 'Le territoire', openingNote: '' });
    expect(deck.slides).toHaveLength(cards.length + 1);
    expect(deck.slides.slice(1).map((s) => (s.kind === 'fiche' ? s.card : s.kind))).toEqual(byLine.map((c) => c.id));
    expect(reportOrder(built(cards)).map((c) => c.id)).toEqual(byLine.map((c) => c.id));
  });

  it("the cards list shows parts, themes and cards in the report's order", () => {
    const groups = groupCards(built(cards));
    expect(groups.map((g) => g.part)).toEqual([...new Set(byLine.map((c) => c.part))]);
    expect(groups[0].part).toMatch(/^Projet de territoire /);
    expect(groups.flatMap((g) => g.themes.flatMap((th) => th.cards.map((c) => c.id)))).toEqual(byLine.map((c) => c.id));
  });
});

describe('exclusions', () => {
  /** A project root holding the real schemas and the given files. */
  function root(files: Record<string, unknown>): string {
    const dir = mkdtempSync(join(tmpdir(), 'exclusions-'));
    const cardsDir = join(dir, 'geodata', 'cards');
    mkdirSync(cardsDir, { recursive: true });
    for (const schema of ['card.schema.json', 'exclusions.schema.json'])
      copyFileSync(join(projectRoot, 'geodata', 'cards', schema), join(cardsDir, schema));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(cardsDir, name), JSON.stringify(content));
    return dir;
  }

  it('each states its reason (schema-validated on load)', () => {
    expect(exclusions.length).toBeGreaterThan(0);
    for (const e of exclusions) expect(e.reason.length, e.section).toBeGreaterThanOrEqual(20);
  });

  it('an exclusion without a reason, or listed twice, is refused in French', () => {
    expect(() => loadExclusions(root({ 'exclusions.json': { exclusions: [{ section: 'GLOSSAIRE', kind: 'glossaire' }] } }))).toThrow(
      /Sections exclues invalides.*reason/s,
    );
    const twice = { section: 'GLOSSAIRE', kind: 'glossaire', reason: 'Liste des sigles du rapport, sans action.' };
    expect(() => loadExclusions(root({ 'exclusions.json': { exclusions: [twice, twice] } }))).toThrow(/section listée deux fois/);
  });

  it('a section is a card or an exclusion, never both', () => {
    const card = cards.find((c) => c.id === 'npnru')!;
    const dir = root({
      'npnru.json': card,
      'exclusions.json': { exclusions: [{ section: card.section, kind: 'intertitre', reason: 'Une raison assez longue.' }] },
    });
    expect(() => loadCards(dir)).toThrow(/aussi listée dans exclusions\.json/);
  });
});
