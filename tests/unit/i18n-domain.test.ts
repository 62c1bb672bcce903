// Domain content in English: every text of the layer definitions (titles, descriptions, legends,
// popup labels) and every finalité has a glossary entry; every unit the report cards use has an
// English singular and plural. Texts of the built catalog may fall back to French (marked lang="fr").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerDefinitions } from '../../layers/index';
import { themeClair } from '../../layers/theme';
import { FINALITES } from '../../layers/cards';
import { domainEn } from '../../src/app/i18n/messages/domain.en';
import { unitsEn } from '../../src/app/i18n/messages/units.en';
import { domainText, unitText } from '../../src/app/i18n/domain';
import { formatQuantity } from '../../src/app/cards/format';
import { formatCount, formatField, formatMetric } from '../../src/app/ui/format';
// English is loaded on demand in the app; importing its catalogue registers it.
import '../../src/app/i18n/catalogue-en';

function layerTexts(): string[] {
  const texts = new Set<string>();
  for (const layer of layerDefinitions) {
    [layer.title, layer.description, layer.caveat].forEach((t) => t && texts.add(t));
    for (const sublayer of layer.sublayers) {
      texts.add(sublayer.title);
      for (const c of sublayer.classes(themeClair)) texts.add(c.label);
      for (const f of sublayer.popupFields) texts.add(f.label);
    }
  }
  for (const f of Object.values(FINALITES)) texts.add(f);
  return [...texts];
}

describe('English glossary of the domain', () => {
  it.each(layerTexts())('« %s » has an English text', (fr) => {
    expect(domainEn[fr], fr).toBeTruthy();
    expect(domainText('en', fr)).toEqual({ text: domainEn[fr] });
  });

  it('French stays as written in French, and an unknown text is marked as French in English', () => {
    expect(domainText('fr', 'Terrils')).toEqual({ text: 'Terrils' });
    expect(domainText('en', 'Texte inconnu du glossaire')).toEqual({ text: 'Texte inconnu du glossaire', lang: 'fr' });
    // The catalog writes some statements with a trailing space.
    expect(domainText('en', 'Nom ')).toEqual({ text: 'Name' });
  });
});

describe('units of the report cards', () => {
  const dir = join(import.meta.dirname, '../../geodata/cards');
  const units = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.includes('schema'))) {
    const card = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { figures: { unit: string }[] };
    for (const f of card.figures ?? []) units.add(f.unit);
  }

  it('the cards use units (the test reads real files)', () => {
    expect(units.size).toBeGreaterThan(20);
  });

  it.each([...units])('« %s » has an English singular and plural', (unit) => {
    expect(unitsEn[unit], unit).toBeDefined();
  });

  it('agree in number in each language', () => {
    expect(formatQuantity(1, 'terrils', undefined, 'en')).toBe('1 spoil heap');
    expect(formatQuantity(0, 'terrils', undefined, 'en')).toBe('0 spoil heaps');
    expect(formatQuantity(1234.5, 'km', undefined, 'en')).toBe('1,234.5 km');
    expect(formatQuantity(36, 'nombre', 'communes', 'en')).toBe('36 municipalities');
    expect(formatQuantity(12.5, '%', undefined, 'en')).toBe('12.5%');
    expect(unitText('en', 'unité inconnue', 2)).toBeUndefined();
  });
});

describe('values in English', () => {
  it('numbers, metrics and yes/no', () => {
    expect(formatMetric(1234.5, 'km', 'en')).toBe('1,234.5 km');
    expect(formatMetric(242_318, 'habitants', 'en')).toBe('242,318 inhabitants');
    expect(formatMetric(12.46, '%', 'en')).toBe('12.5%');
    expect(formatCount(1, 'en')).toBe('1 feature');
    expect(formatField(true, 'oui-non', 'en')).toBe('Yes');
    expect(formatField(1.5, 'texte', 'en')).toBe('1.5');
    expect(formatField(1.5, 'texte', 'fr')).toBe('1,5');
  });
});
