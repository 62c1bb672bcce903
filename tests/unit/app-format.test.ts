// French display of numbers, units and values (src/app/ui/format.ts, src/app/cards/format.ts): what a reader
// sees in the popups, the legend counts and the report cards.
import { describe, expect, it } from 'vitest';
import { FINALITES, type FinaliteId } from '../../layers/cards';
import { asList, formatCount, formatField, formatMetric, formatNumber, isEmptyValue, isHttpUrl } from '../../src/app/ui/format';
import { FINALITE_SHORT, displayUnit, formatDifference, formatQuantity, formatShare, orderedFinalites } from '../../src/app/cards/format';

/** fr-FR thousands separator as this Node's ICU writes it (U+202F narrow no-break space in CLDR ≥ 34). */
const G = new Intl.NumberFormat('fr-FR').formatToParts(1000).find((p) => p.type === 'group')!.value;
const MINUS = '\u2212';

describe('fr-FR separators', () => {
  it('the thousands separator is a no-break space (never a breakable U+0020, never a comma or dot)', () => {
    expect(G).toMatch(/^[\u202f\u00a0]$/);
  });
});

describe('formatNumber', () => {
  it.each([
    [1234.5, `1${G}234,5`],
    [1234567.891, `1${G}234${G}567,89`],
    [0, '0'],
    [12, '12'],
    [999, '999'],
    [1000, `1${G}000`],
    [0.125, '0,13'],
    [2.004, '2'],
    [3.1, '3,1'],
  ])('%d → %s (decimal comma, at most 2 decimals, no trailing zeros)', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('negative numbers keep their sign', () => {
    expect(formatNumber(-1234.5)).toMatch(new RegExp(`^[-\u2212]1${G}234,5$`));
  });
});

describe('formatCount (legend and list counts)', () => {
  it.each([
    [0, '0 objet'],
    [1, '1 objet'],
    [2, '2 objets'],
    [36, '36 objets'],
    [1234, `1${G}234 objets`],
  ])('%d → %s (French singular for 0 and 1)', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('formatMetric (layer metrics)', () => {
  it.each([
    [12.5, 'km', '12,5 km'],
    [1234.567, 'ha', `1${G}234,57 ha`],
    [850, 'm', '850 m'],
    [36, 'nombre', '36'],
    [1234.567, 'nombre', `1${G}234,57`],
    [242_318, 'habitants', `242${G}318 habitants`],
    [12.46, '%', '12,5 %'],
    [100, '%', '100 %'],
  ] as const)('%d %s → %s', (value, unit, text) => {
    expect(formatMetric(value, unit)).toBe(text);
  });
});

describe('asList', () => {
  it('arrays: items as text, empty strings dropped', () => {
    expect(asList(['a', '', 'b', 3])).toEqual(['a', 'b', '3']);
  });

  it('JSON array strings are parsed', () => {
    expect(asList('["Lens", "Liévin"]')).toEqual(['Lens', 'Liévin']);
    expect(asList('  [1, 2]  ')).toEqual(['1', '2']);
    expect(asList('[]')).toEqual([]);
  });

  it('"a; b | c" strings are split on ; and | with surrounding spaces trimmed', () => {
    expect(asList('Lens ; Liévin|Avion  ;  Harnes')).toEqual(['Lens', 'Liévin', 'Avion', 'Harnes']);
  });

  it('a broken JSON string falls back to separators instead of throwing', () => {
    expect(asList('[Lens; Liévin')).toEqual(['[Lens', 'Liévin']);
  });

  it('commas are not separators (names may contain them)', () => {
    expect(asList('Rue de Lens, 12')).toEqual(['Rue de Lens, 12']);
  });

  it('null, undefined and empty text give no item; other scalars one', () => {
    expect(asList(null)).toEqual([]);
    expect(asList(undefined)).toEqual([]);
    expect(asList('')).toEqual([]);
    expect(asList('   ')).toEqual([]);
    expect(asList(0)).toEqual(['0']);
    expect(asList(false)).toEqual(['false']);
  });
});

describe('isHttpUrl (what becomes a clickable link)', () => {
  it.each(['https://www.agglo-lenslievin.fr/', 'http://example.org/a?b=c#d'])('%s is a link', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>',
    'ftp://example.org',
    'file:///etc/passwd',
    'www.example.org',
    '/relatif',
    '',
    ' ',
  ])('%j is not a link', (value) => {
    expect(isHttpUrl(value)).toBe(false);
  });

  it('non-strings are never links', () => {
    expect(isHttpUrl(null)).toBe(false);
    expect(isHttpUrl(42)).toBe(false);
    expect(isHttpUrl(new URL('https://example.org'))).toBe(false);
  });
});

describe('isEmptyValue (rows hidden from the popup)', () => {
  it.each([null, undefined, '', []])('%j is empty', (value) => {
    expect(isEmptyValue(value)).toBe(true);
  });
  it.each([0, false, ' ', 'non', [''], {}])('%j is shown', (value) => {
    expect(isEmptyValue(value)).toBe(false);
  });
});

describe('formatField (popup values)', () => {
  it('plain numbers are identifiers (INSEE code, OSM id): no digit grouping, decimal comma', () => {
    expect(formatField(62498)).toBe('62498');
    expect(formatField(12345678)).toBe('12345678');
    expect(formatField(1.5)).toBe('1,5');
  });

  it('texte: strings as they are, booleans in French, lists joined, objects as JSON', () => {
    expect(formatField('Liévin')).toBe('Liévin');
    expect(formatField('<b>gras</b>')).toBe('<b>gras</b>');
    expect(formatField(true)).toBe('Oui');
    expect(formatField(false)).toBe('Non');
    expect(formatField(['Lens', 'Liévin'])).toBe('Lens, Liévin');
    expect(formatField({ a: 1 })).toBe('{"a":1}');
  });

  it('nombre: grouped thousands, numeric strings too; text left as is', () => {
    expect(formatField(242318, 'nombre')).toBe(`242${G}318`);
    expect(formatField('1234.5', 'nombre')).toBe(`1${G}234,5`);
    expect(formatField('n.c.', 'nombre')).toBe('n.c.');
    expect(formatField('', 'nombre')).toBe('');
  });

  it.each(['ha', 'km', 'm'] as const)('%s: number then unit', (unit) => {
    expect(formatField(1234.567, unit)).toBe(`1${G}234,57 ${unit}`);
    expect(formatField('3', unit)).toBe(`3 ${unit}`);
    expect(formatField('inconnue', unit)).toBe('inconnue');
  });

  it('liste: JSON, separated text and arrays all give "a, b"', () => {
    expect(formatField('["a","b"]', 'liste')).toBe('a, b');
    expect(formatField('a; b', 'liste')).toBe('a, b');
    expect(formatField(['a', 'b'], 'liste')).toBe('a, b');
    expect(formatField(null, 'liste')).toBe('');
  });

  it('oui-non: true/"true"/1 → Oui, false/"false"/0 → Non, anything else as is', () => {
    for (const v of [true, 'true', 1]) expect(formatField(v, 'oui-non')).toBe('Oui');
    for (const v of [false, 'false', 0]) expect(formatField(v, 'oui-non')).toBe('Non');
    expect(formatField('partiel', 'oui-non')).toBe('partiel');
  });
});

describe('cards: finalités', () => {
  it('every finalité of the report has a short name, and only those', () => {
    expect(Object.keys(FINALITE_SHORT).sort()).toEqual(Object.keys(FINALITES).sort());
  });

  it("orderedFinalites puts them in the report's order, whatever the written order", () => {
    expect(orderedFinalites(['production', 'climat', 'cohesion'])).toEqual(['climat', 'cohesion', 'production']);
    expect(orderedFinalites(['epanouissement', 'biodiversite'])).toEqual(['biodiversite', 'epanouissement']);
    expect(orderedFinalites([])).toEqual([]);
  });

  it('orderedFinalites drops duplicates and unknown values', () => {
    expect(orderedFinalites(['climat', 'climat', 'inconnue' as FinaliteId])).toEqual(['climat']);
  });
});

describe('cards: displayUnit', () => {
  it("a count ('nombre') shows the report's own unit, or none", () => {
    expect(displayUnit('nombre', 'cités')).toBe('cités');
    expect(displayUnit('nombre')).toBe('');
    expect(displayUnit('nombre', 'nombre')).toBe('');
    expect(displayUnit('nombre', '')).toBe('');
  });

  it('a measured unit is kept whatever the report says', () => {
    expect(displayUnit('km', 'm')).toBe('km');
    expect(displayUnit('ha')).toBe('ha');
  });
});

describe('cards: formatQuantity', () => {
  it.each([
    [1234.5, 'km', `1${G}234,5 km`],
    [3.14159, 'km', '3,14 km'],
    [142541, 't', `142${G}541 t`],
    [82.6, 'kWc', '82,6 kWc'],
    [25, '%', '25 %'],
    [1, 'ha', '1 ha'],
    [1, 'm²', '1 m²'],
  ])('%d %s → %s', (value, unit, text) => {
    expect(formatQuantity(value, unit)).toBe(text);
  });

  it('one-word plural units agree in French: singular below 2, plural from 2', () => {
    expect(formatQuantity(0, 'sites')).toBe('0 site');
    expect(formatQuantity(1, 'sites')).toBe('1 site');
    expect(formatQuantity(1.5, 'sites')).toBe('1,5 site');
    expect(formatQuantity(2, 'sites')).toBe('2 sites');
    expect(formatQuantity(1, 'cités')).toBe('1 cité');
    expect(formatQuantity(1, 'espèces')).toBe('1 espèce');
    expect(formatQuantity(1, 'ans')).toBe('1 an');
    expect(formatQuantity(1, 'Terrils')).toBe('1 Terril');
    expect(formatQuantity(-1, 'sites')).toBe(`${formatNumber(-1)} site`);
  });

  it('words ending in s in the singular stay as they are', () => {
    for (const unit of ['pays', 'parcours', 'mois', 'fois', 'accès', 'Pays']) expect(formatQuantity(1, unit)).toBe(`1 ${unit}`);
  });

  it('multi-word and hyphenated units are left as written', () => {
    expect(formatQuantity(1, 'champs captants')).toBe('1 champs captants');
    expect(formatQuantity(1, 'visiteurs par an')).toBe('1 visiteurs par an');
    expect(formatQuantity(1, 'abris-vélos')).toBe('1 abris-vélos');
  });

  it("a count ('nombre') takes the report's unit, agreed; or shows the bare number", () => {
    expect(formatQuantity(36, 'nombre', 'communes')).toBe('36 communes');
    expect(formatQuantity(1, 'nombre', 'communes')).toBe('1 commune');
    expect(formatQuantity(1234, 'nombre')).toBe(`1${G}234`);
    expect(formatQuantity(3, 'nombre', 'nombre')).toBe('3');
  });
});

describe('cards: formatDifference', () => {
  it.each([
    [2.79, 'km', '+2,79 km'],
    [-1.63, 'km', `${MINUS}1,63 km`],
    [0, 'km', '0 km'],
    [-0, 'km', '0 km'],
    [-1234.5, 'ha', `${MINUS}1${G}234,5 ha`],
    [1234.5, 'ha', `+1${G}234,5 ha`],
  ])('%d %s → %s', (value, unit, text) => {
    expect(formatDifference(value, unit)).toBe(text);
  });

  it('uses the true minus sign (U+2212), never a hyphen-minus', () => {
    const text = formatDifference(-1.63, 'km');
    expect(text.startsWith('\u2212')).toBe(true);
    expect(text).not.toContain('-');
  });

  it('agrees the unit on the size of the difference, not its sign', () => {
    expect(formatDifference(-1, 'nombre', 'sites')).toBe(`${MINUS}1 site`);
    expect(formatDifference(-3, 'nombre', 'sites')).toBe(`${MINUS}3 sites`);
    expect(formatDifference(1, 'cités')).toBe('+1 cité');
  });

  // BUG (latent, src/app/cards/format.ts, formatDifference): the sign is taken from the raw value, the
  // digits from the value rounded to 2 decimals, so -0.001 km reads "−0 km" and 0.004 km "+0 km".
  // The pipeline rounds differences to 2 decimals today (scripts/geodata/cards.ts), so the cards
  // do not show it yet; any caller passing an unrounded difference would. Expected "0 km".
  it('a difference that rounds to zero is shown unsigned ("0 km")', () => {
    expect(formatDifference(-0.001, 'km')).toBe('0 km');
  });
});

describe('cards: formatShare', () => {
  it.each([
    [0.1234, '12,3 %'],
    [1 / 3, '33,3 %'],
    [1, '100 %'],
    [0, '0 %'],
    [0.5, '50 %'],
    [12.345, `1${G}234,5 %`],
  ])('%d → %s (percent with one decimal at most)', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});
