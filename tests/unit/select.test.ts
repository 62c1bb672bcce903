import { describe, expect, it } from 'vitest';
import { communeAt, communeNames, firstText, inTerritory, isMember, memberByName, nameKey } from '../../layers/select';
import type { GeoFeature } from '../../layers/types';
import { MEMBERS, box, communesLayer, line, point, territoryFeature } from '../fixtures/territory';

const g = (f: unknown) => f as GeoFeature;

describe('commune names', () => {
  it('nameKey ignores accents, case and punctuation', () => {
    expect(nameKey('Éleu-dit-Leauwette')).toBe('ELEU DIT LEAUWETTE');
    expect(nameKey('  Liévin ')).toBe('LIEVIN');
    expect(nameKey('NOYELLES SOUS LENS')).toBe(nameKey('Noyelles-sous-Lens'));
  });

  it('memberByName finds the member however the source spells it, and nothing else', () => {
    expect(memberByName(MEMBERS, 'ELEU DIT LEAUWETTE')?.code).toBe('62295');
    expect(memberByName(MEMBERS, 'lievin')?.nom).toBe('Liévin');
    expect(memberByName(MEMBERS, 'Arras')).toBeUndefined();
    expect(memberByName(MEMBERS, 'Lens-Nord')).toBeUndefined();
    expect(memberByName(MEMBERS, '')).toBeUndefined();
    expect(memberByName(MEMBERS, 62498)).toBeUndefined();
    expect(memberByName(MEMBERS, null)).toBeUndefined();
  });

  it('communeNames reads commune, commune_1..n in the official spelling, without duplicates', () => {
    const names = communeNames(
      { commune_1: 'LIEVIN', commune_2: 'ELEU-DIT-LEAUWETTE', commune_3: 'Liévin', commune_4: '', commune_5: null, nom: 'Lens', communes: 'Lens' },
      MEMBERS,
    );
    expect(names).toEqual(['Liévin', 'Éleu-dit-Leauwette']);
    expect(communeNames({ commune: 'lens' }, MEMBERS)).toEqual(['Lens']);
  });

  it('communeNames title-cases an upper-case non-member, keeping French link words lower-case', () => {
    expect(communeNames({ commune_1: 'HENIN-SUR-COJEUL', commune_2: 'SAINT-LAURENT-BLANGY' }, MEMBERS)).toEqual([
      'Henin-sur-Cojeul',
      'Saint-Laurent-Blangy',
    ]);
    // Already mixed case: kept as written.
    expect(communeNames({ commune_1: ' Arras ' }, MEMBERS)).toEqual(['Arras']);
  });

  it('isMember checks INSEE codes as strings', () => {
    expect(isMember(MEMBERS, '62498')).toBe(true);
    expect(isMember(MEMBERS, '62041')).toBe(false);
    expect(isMember(MEMBERS, 62498)).toBe(false);
  });
});

describe('inTerritory', () => {
  const territory = territoryFeature();

  it('takes a polygon mostly inside, or partly inside', () => {
    expect(inTerritory(g(box(2.79, 50.41, 2.8, 50.42)), territory)).toBe(true);
    expect(inTerritory(g(box(2.81, 50.43, 2.85, 50.47)), territory)).toBe(true);
  });

  it('rejects a polygon that only touches the boundary, or a sliver below 0.1 %', () => {
    expect(inTerritory(g(box(2.82, 50.41, 2.84, 50.43)), territory)).toBe(false);
    // 0.00001° of a 0.02°-wide square inside: 0.05 % of its area.
    expect(inTerritory(g(box(2.81999, 50.41, 2.83999, 50.43)), territory)).toBe(false);
    // 0.0004° inside: 2 %.
    expect(inTerritory(g(box(2.8196, 50.41, 2.8396, 50.43)), territory)).toBe(true);
    expect(inTerritory(g(box(2.9, 50.41, 2.92, 50.43)), territory)).toBe(false);
  });

  it('takes lines that cross or enter, and points inside', () => {
    expect(
      inTerritory(
        g(
          line([
            [2.7, 50.42],
            [2.9, 50.42],
          ]),
        ),
        territory,
      ),
    ).toBe(true);
    expect(
      inTerritory(
        g(
          line([
            [2.7, 50.42],
            [2.75, 50.42],
          ]),
        ),
        territory,
      ),
    ).toBe(false);
    expect(inTerritory(g(point(2.81, 50.43)), territory)).toBe(true);
    expect(inTerritory(g(point(2.85, 50.43)), territory)).toBe(false);
  });
});

describe('communeAt', () => {
  it('finds the commune containing a point', () => {
    const communes = communesLayer();
    expect(communeAt(g(point(2.81, 50.43)), communes)?.properties.nom).toBe('Lens');
    expect(communeAt(g(point(2.79, 50.43)), communes)?.properties.nom).toBe('Liévin');
    expect(communeAt(g(point(2.805, 50.41)), communes)?.properties.nom).toBe('Éleu-dit-Leauwette');
    // South-west quarter of the territory: no member polygon there.
    expect(communeAt(g(point(2.79, 50.41)), communes)).toBeUndefined();
    expect(
      communeAt(
        g(
          line([
            [2.81, 50.43],
            [2.811, 50.431],
          ]),
        ),
        communes,
      ),
    ).toBeUndefined();
  });
});

describe('firstText', () => {
  it('returns the first non-empty value, trimmed, as a string', () => {
    expect(firstText({ a: '', b: '  ', c: ' Terril 74 ', d: 'x' }, 'a', 'b', 'c', 'd')).toBe('Terril 74');
    expect(firstText({ a: null, b: 0 }, 'a', 'b')).toBe('0');
    expect(firstText({ a: undefined }, 'a', 'z')).toBeNull();
  });
});
