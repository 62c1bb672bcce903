// The message catalogues: every key has French and English text, the same {placeholders}, and
// plural keys come in complete pairs.
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/app/i18n/catalogue-en';
import type { MessageKey } from '../../src/app/i18n/catalogue';
import { formatters, translate, translatePlural, translateMessage } from '../../src/app/i18n';

const keys = Object.keys(catalogues.fr) as MessageKey[];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('hold several hundred keys, the same in both languages', () => {
    expect(keys.length).toBeGreaterThan(300);
    expect(Object.keys(catalogues.en).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: non-empty French and English text with the same placeholders', (key) => {
    const fr = catalogues.fr[key];
    const en = catalogues.en[key];
    expect(fr.trim().length, `fr ${key}`).toBeGreaterThan(0);
    expect(en.trim().length, `en ${key}`).toBeGreaterThan(0);
    expect(placeholders(en), key).toEqual(placeholders(fr));
  });

  it('plural keys come in .one / .other pairs', () => {
    const bases = new Set(keys.filter((k) => /\.(one|other)$/.test(k)).map((k) => k.replace(/\.(one|other)$/, '')));
    for (const base of bases) {
      expect(keys, base).toContain(`${base}.one`);
      expect(keys, base).toContain(`${base}.other`);
    }
  });

  it('English strings are not left in French (no accented French words in the English catalogue)', () => {
    // Proper names of the territory and of French institutions are allowed.
    const allowed = /Liévin|Lens-Liévin|Défenseur des droits|Libre réponse|Communauté d’Agglomération|Français|Géoplateforme|« | »/g;
    const suspicious = keys.filter((k) => /[éèêàçùûôîœ]/.test(catalogues.en[k].replace(allowed, '')));
    expect(suspicious).toEqual([]);
  });
});

describe('translate', () => {
  it('replaces placeholders, numbers in the locale', () => {
    expect(translate('fr', 'ui.layer.details', { n: 1234 })).toBe('Détail (1\u202f234)');
    expect(translate('en', 'ui.layer.details', { n: 1234 })).toBe('Breakdown (1,234)');
  });

  it('chooses the plural: French singular for 0 and 1, English for 1 only', () => {
    expect(translatePlural('fr', 'ui.count.features', 0)).toBe('0 objet');
    expect(translatePlural('fr', 'ui.count.features', 2)).toBe('2 objets');
    expect(translatePlural('en', 'ui.count.features', 0)).toBe('0 features');
    expect(translatePlural('en', 'ui.count.features', 1)).toBe('1 feature');
  });

  it('translates nested messages (a job label inside a notice)', () => {
    const label = { key: 'wb.job.importOne' as const, params: { name: 'a.zip' } };
    expect(translateMessage('fr', { key: 'wb.notice.cancelled', params: { label } })).toBe(
      'Import de « a.zip » : annulé. Votre espace de travail est intact.',
    );
    expect(translateMessage('en', { key: 'wb.notice.cancelled', params: { label } })).toBe('Import of “a.zip”: cancelled. Your workspace is intact.');
  });

  it('formats numbers and dates per locale: 1 234,5 km in French, 1,234.5 km in English', () => {
    expect(`${formatters('fr').number(1234.5)} km`).toBe('1\u202f234,5 km');
    expect(`${formatters('en').number(1234.5)} km`).toBe('1,234.5 km');
    expect(formatters('fr').date('2026-11-28')).toBe('28 novembre 2026');
    expect(formatters('en').date('2026-11-28')).toBe('28 November 2026');
  });
});
