// « Ma commune »: ranking and the report's sentences naming a commune (accent-, hyphen- and lez/lès-insensitive).
import { describe, expect, it } from 'vitest';
import { placeKey, ranks } from '../../layers/commune-profile';
import { namedIn, paragraphs, sentences } from '../../scripts/geodata/report-mentions';

const NAMES = ['Lens', 'Liévin', 'Fouquières-lès-Lens', 'Noyelles-sous-Lens', 'Éleu-dit-Leauwette'];

describe('ranks', () => {
  it('ranks the largest first and lets equal values share a rank (1, 2, 2, 4)', () => {
    expect(ranks([5, 9, 7, 7])).toEqual([
      { rank: 4, tiedWith: 1 },
      { rank: 1, tiedWith: 1 },
      { rank: 2, tiedWith: 2 },
      { rank: 2, tiedWith: 2 },
    ]);
    expect(ranks([0, 0, 0]).every((r) => r.rank === 1 && r.tiedWith === 3)).toBe(true);
  });
});

describe('namedIn', () => {
  it('matches without accents, hyphens or case, and « lez » as « lès »', () => {
    expect(placeKey('Fouquières-lez-Lens')).toBe(placeKey('FOUQUIERES LES LENS'));
    expect(namedIn('Les berges vers Fouquières-lez-Lens et Courrières', NAMES)).toEqual(['Fouquières-lès-Lens']);
    expect(namedIn('à ELEU DIT LEAUWETTE', NAMES)).toEqual(['Éleu-dit-Leauwette']);
  });
  it('does not take the CALL, the museum or a longer commune name for Lens', () => {
    expect(namedIn("La Communauté d'Agglomération de Lens-Liévin agit.", NAMES)).toEqual([]);
    expect(namedIn('à 20 minutes du Louvre Lens', NAMES)).toEqual([]);
    expect(namedIn('le CVE de Noyelles-sous-Lens', NAMES)).toEqual(['Noyelles-sous-Lens']);
    expect(namedIn('entre Lens et Liévin', NAMES).sort()).toEqual(['Lens', 'Liévin']);
    expect(namedIn('Lensois et Liévinois', NAMES)).toEqual([]);
  });
});

describe('paragraphs and sentences', () => {
  it('keeps the heading above each paragraph, cuts table cells and list items apart, drops emphasis', () => {
    const md = [
      '# Partie',
      '## Mobilité',
      'Un **vélo** à Lens. Puis',
      'une suite à Liévin.',
      '',
      '- 6 km entre Angres et Lens',
      '- 5 km ailleurs',
      '<table><tr><td>Lens</td><td>12 km</td></tr></table>',
    ].join('\n');
    const ps = paragraphs(md);
    expect(ps.map((p) => p.text)).toEqual([
      'Un vélo à Lens. Puis une suite à Liévin.',
      '6 km entre Angres et Lens',
      '5 km ailleurs',
      'Lens',
      '12 km',
    ]);
    expect(ps[0].path).toEqual(['Partie', 'Mobilité']);
    expect(ps[0].line).toBe(3);
    expect(sentences(ps[0].text)).toEqual(['Un vélo à Lens.', 'Puis une suite à Liévin.']);
  });
});

describe('reportMentions without the report', () => {
  it('returns null (the profiles then say the quotes are missing) instead of failing the build', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { reportMentions, reportDigest } = await import('../../scripts/geodata/report-mentions');
    const previous = process.env.REPORT_DIR;
    process.env.REPORT_DIR = mkdtempSync(join(tmpdir(), 'no-report-'));
    try {
      expect(reportMentions('/nowhere', NAMES)).toBeNull();
      expect(reportDigest('/nowhere')).toBe('sans-rapport');
    } finally {
      if (previous === undefined) delete process.env.REPORT_DIR;
      else process.env.REPORT_DIR = previous;
    }
  });
});
