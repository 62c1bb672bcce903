import { describe, expect, it } from 'vitest';
import { communesPipeline, EPCI_SIREN } from '../../layers/communes/pipeline';
import type { GeoFeature } from '../../layers/types';
import { BOXES, MEMBERS, areaOf, box, boxFeature, fakeContext, features } from '../fixtures/territory';

/** Communes as a source file spells them: codes as text or numbers, source names, extra fields. */
const sourceCommunes = (): GeoFeature[] =>
  features(
    boxFeature(BOXES.lens, { code: '62498', nom: 'LENS', extra: 'x' }),
    boxFeature(BOXES.lievin, { code: 62510, nom: 'Lievin' }),
    boxFeature(BOXES.eleu, { code: '62295', nom: 'Eleu dit Leauwette' }),
    box(2.7, 50.27, 2.8, 50.3, { code: '62041', nom: 'Arras' }),
  );
const outline = (props: Record<string, unknown>) => features(boxFeature(BOXES.territory, props))[0];

const run = (communes = sourceCommunes(), outlines: GeoFeature[] = [outline({ code: EPCI_SIREN, nom: 'CA de Lens-Liévin' })]) => {
  const ctx = fakeContext({ inputs: { communes: { features: communes }, territoire: { features: outlines } } });
  return { ctx, built: communesPipeline.select(ctx) };
};

describe('communes layer: selection', () => {
  it('keeps only the member communes, with the official name, population and area', () => {
    const { built } = run();
    const kept = built.sublayers.communes;
    expect(kept.map((f) => f.properties.code)).toEqual(['62498', '62510', '62295']);
    const lens = kept[0].properties;
    expect(lens.nom).toBe('Lens');
    expect(lens.population).toBe(30_000);
    expect(lens.surface_ha as number).toBeCloseTo(areaOf(BOXES.lens), 1);
    expect(lens).not.toHaveProperty('extra');
    expect(kept[1].properties.nom).toBe('Liévin');
    expect(kept[2].properties.nom).toBe('Éleu-dit-Leauwette');
    expect(kept[2].properties.surface_ha as number).toBeCloseTo(areaOf(BOXES.eleu), 1);
    // Geometry is passed through.
    expect(kept[0].geometry).toEqual(boxFeature(BOXES.lens).geometry);
    expect(built.read).toBe(5);
  });

  it('names the member communes that have no polygon', () => {
    const { built } = run();
    expect(built.messages).toEqual(['communes membres sans polygone : Noyelles-sous-Lens']);
  });

  it('keeps the EPCI outline by its SIREN, named and measured', () => {
    const { built } = run(sourceCommunes(), [outline({ code_siren: '200033579', nom: 'CA Hénin-Carvin' }), outline({ code_siren: EPCI_SIREN })]);
    const territoire = built.sublayers.territoire;
    expect(territoire).toHaveLength(1);
    expect(territoire[0].properties).toMatchObject({ nom: "Communauté d'Agglomération de Lens-Liévin", siren: EPCI_SIREN });
    expect(territoire[0].properties.surface_ha).toBe(Math.round(areaOf(BOXES.territory)));
  });

  it('accepts a single outline without any code (an API answer for one EPCI)', () => {
    const { built } = run(sourceCommunes(), [outline({ nom: 'CALL' })]);
    expect(built.sublayers.territoire).toHaveLength(1);
  });

  it('fails, naming the EPCI, when its outline is missing', () => {
    expect(() => run(sourceCommunes(), [outline({ code_siren: '200033579' })])).toThrow(
      `contour de l'EPCI ${EPCI_SIREN} introuvable dans la source « territoire »`,
    );
  });

  it('fails when a required source is missing', () => {
    const ctx = fakeContext({ inputs: { communes: { features: sourceCommunes() } } });
    expect(() => communesPipeline.select(ctx)).toThrow(/territoire/);
  });
});

describe('communes layer: metrics', () => {
  it('counts communes, sums member populations, measures the territory and each commune', () => {
    const { ctx, built } = run();
    const metrics = communesPipeline.measure(built.sublayers, ctx);
    const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));
    expect(byId.communes.value).toBe(3);
    // Population of all members, including the one without polygon.
    expect(byId.population).toMatchObject({ value: 60_000, unit: 'habitants' });
    expect(byId.surface).toMatchObject({ value: Math.round(areaOf(BOXES.territory)), unit: 'ha' });
    expect(byId['surface-communes'].value).toBe(Math.round(areaOf(BOXES.lens) + areaOf(BOXES.lievin) + areaOf(BOXES.eleu)));
    // Largest first: Lens and Liévin are the same size, Éleu (half as wide) is last.
    const details = byId['surface-communes'].details!;
    expect(details.map((d) => d.label).at(-1)).toBe('Éleu-dit-Leauwette');
    expect(details.find((d) => d.label === 'Lens')?.value).toBe(Math.round(areaOf(BOXES.lens)));
    expect(details.find((d) => d.label === 'Éleu-dit-Leauwette')?.value).toBe(Math.round(areaOf(BOXES.eleu)));
    expect(MEMBERS.reduce((s, m) => s + m.population, 0)).toBe(60_000);
  });
});
