// The report cards: valid against their schema, every quote verbatim in the report under the
// section it names, every value written in its quote, every layer and sublayer it names exists.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCards } from '../../scripts/geodata/cards';
import { layerDefinitions } from '../../layers/index';
import { FINALITES } from '../../layers/cards';
import { findHeading, loadReport, quoteAnywhere, quoteUnder, valueIn } from '../support/report';

const projectRoot = resolve(__dirname, '..', '..');
const cards = loadCards(projectRoot);
const report = loadReport();
const sublayerIds = layerDefinitions.flatMap((l) => l.sublayers.map((s) => s.id));
const layerIds = layerDefinitions.map((l) => l.id);

describe('valueIn (French number forms)', () => {
  it('finds grouped thousands, decimal commas and plain numbers, not digits of other numbers', () => {
    expect(valueIn(3900, 'longue de 3 900 km')).toBe(true);
    expect(valueIn(142541, '142\u00a0541 tonnes')).toBe(true);
    expect(valueIn(82.6, 'une puissance de 82,6 kWc')).toBe(true);
    expect(valueIn(37, '37 km dont')).toBe(true);
    expect(valueIn(37, '137 km')).toBe(false);
    expect(valueIn(6, '6,5 km')).toBe(false);
    expect(valueIn(1.6, '1,6 kg')).toBe(true);
    expect(valueIn(6, 'six lignes de Bus à Haut Niveau de Service')).toBe(true);
    expect(valueIn(6, 'dix-six lignes')).toBe(false);
    expect(valueIn(7, 'six lignes')).toBe(false);
    expect(valueIn(7.6, '2019: 7,60 %')).toBe(true);
    expect(valueIn(7.6, '7,61 %')).toBe(false);
    expect(valueIn(7.6, '17,60 %')).toBe(false);
  });
});

describe('report cards', () => {
  it('exist for the report sections the issue lists', () => {
    expect(cards.length).toBeGreaterThanOrEqual(1);
  });

  it('give each figure of the report to one card only (the figures are also one dataset)', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const card of cards)
      for (const f of card.figures) {
        const key = `${f.value}|${f.quote.replace(/\s+/g, ' ').trim()}`;
        const first = owner.get(key);
        if (first) twice.push(`${card.id}/${f.id} = ${first}`);
        else owner.set(key, `${card.id}/${f.id}`);
      }
    expect(twice).toEqual([]);
  });

  for (const card of cards) {
    describe(card.id, () => {
      it('names existing layers, sublayers and finalités', () => {
        for (const link of card.links) expect(sublayerIds, link.sublayer).toContain(link.sublayer);
        for (const { id, measure } of [...card.figures, ...(card.mapMeasures ?? [])]) {
          if (measure?.metric) expect(layerIds, id).toContain(measure.metric.layer);
          if (measure?.sublayer) expect(sublayerIds, id).toContain(measure.sublayer);
        }
        for (const v of card.finalites.values) expect(Object.keys(FINALITES)).toContain(v);
      });

      it('writes every value in its quote', () => {
        for (const f of card.figures) expect(valueIn(f.value, f.quote), `${f.id}: ${f.value} in « ${f.quote} »`).toBe(true);
      });

      it.skipIf(!report)('quotes the report verbatim, under the section each figure names', () => {
        // A figure under the card's own heading stands under that very occurrence when the report repeats it.
        for (const f of card.figures) {
          const occurrence = f.section === card.section ? (card.sectionOccurrence ?? 1) : undefined;
          expect(quoteUnder(report!, f.section, f.quote, occurrence), `${f.id}: « ${f.quote} » under « ${f.section} »`).toBe(true);
        }
        for (const o of card.officials) expect(quoteAnywhere(report!, o.quote), `${o.name}: « ${o.quote} »`).toBe(true);
        for (const p of card.perspectives) expect(quoteAnywhere(report!, p), `perspective « ${p} »`).toBe(true);
        for (const p of card.partners) expect(quoteAnywhere(report!, p), `partenaire « ${p} »`).toBe(true);
        if (card.finalites.quote) expect(quoteAnywhere(report!, card.finalites.quote)).toBe(true);
        for (const ref of [{ section: card.section, occurrence: card.sectionOccurrence }, ...(card.moreSections ?? [])])
          expect(findHeading(report!, ref.section, ref.occurrence), `section « ${ref.section} » (${ref.occurrence ?? 1})`).toBeDefined();
      });
    });
  }
});
