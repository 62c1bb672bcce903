import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPTAGES_MISSING } from '../../layers/captages/layer';
import { captagesPipeline } from '../../layers/captages/pipeline';
import { readCSV } from '../../scripts/geodata/steps/read';
import { box, fakeContext, features, point } from '../fixtures/territory';

const csvRows = () => readCSV(new Uint8Array(readFileSync(new URL('../fixtures/captages-point-virgule.csv', import.meta.url))), 'captages-noms').rows;
const rows = () => [
  ...csvRows(),
  { site_name: '  ', commune: 'Lens', in_CALL: 'true', status_in_source: '', details_in_source: '' },
  { site_name: ' Champ captant de Lens ', commune: 'Lens', in_CALL: 'true', status_in_source: 'Grenelle', details_in_source: '  ' },
];

describe('captages layer without perimeters', () => {
  const build = () => {
    const ctx = fakeContext({ inputs: { 'captages-noms': { rows: rows() } } });
    return { ctx, built: captagesPipeline.select(ctx) };
  };

  it('lists the named catchments with commune, priority and the French quote, flagging those outside the CALL', () => {
    const { built } = build();
    expect(built.items).toEqual([
      {
        name: 'Captage des Prés',
        commune: 'Lens',
        detail: 'priorité : prioritaire ; « le captage des Prés, classé prioritaire »',
        source: 'captages-noms',
      },
      { name: 'Captage Sud', commune: 'Arras (hors CALL)', detail: 'priorité : non prioritaire, stratégique pour la CALL', source: 'captages-noms' },
      { name: 'Champ captant de Lens', commune: 'Lens', detail: '', source: 'captages-noms' },
    ]);
    expect(built.read).toBe(6);
  });

  it('reports, instead of listing, rows that are not catchment sites', () => {
    const { built } = build();
    expect(built.items!.map((i) => i.name)).not.toContain('Forage du Marais');
    expect(built.messages!.join('\n')).toMatch(/Aire d'alimentation .* pas un captage/);
    expect(built.messages!.join('\n')).toMatch(/Forage du Marais/);
  });

  it('states that no geometry is published, and where one could come from', () => {
    const { built, ctx } = build();
    expect(built.sublayers['captages-perimetres']).toEqual([]);
    expect(built.missing).toBe(CAPTAGES_MISSING);
    expect(built.missing).toContain("Aucune géométrie des captages n'est publiée en données ouvertes");
    expect(built.missing).toContain('geodata/local/captages.geojson');
    expect(captagesPipeline.measure(built.sublayers, ctx)).toEqual([]);
  });

  it('fails when the list itself is missing', () => {
    expect(() => captagesPipeline.select(fakeContext({}))).toThrow(/captages-noms/);
  });
});

describe('captages layer with perimeters', () => {
  const perimetres = () =>
    features(
      box(2.801, 50.421, 2.805, 50.425, { nom_captage: 'Captage des Prés', type_perimetre: 'PPR', nom_commune: 'Lens' }),
      box(2.802, 50.422, 2.803, 50.423, { libelle: 'Captage des Prés', perimetre: 'PPI' }),
      box(2.7, 50.3, 2.71, 50.31, { nom: 'Captage hors territoire', type: 'PPE' }),
      point(2.81, 50.43, {}),
    );
  const build = () => {
    const ctx = fakeContext({ inputs: { 'captages-noms': { rows: rows() } }, optional: { 'captages-perimetres': { features: perimetres() } } });
    return { ctx, built: captagesPipeline.select(ctx) };
  };

  it('draws the perimeters of the territory with name, type and commune', () => {
    const { built } = build();
    expect(built.sublayers['captages-perimetres'].map((f) => f.properties)).toEqual([
      { nom: 'Captage des Prés', type: 'PPR', commune: 'Lens' },
      { nom: 'Captage des Prés', type: 'PPI', commune: null },
      { nom: 'Périmètre de protection', type: null, commune: null },
    ]);
    expect(built.sublayers['captages-perimetres'][0].geometry).toEqual(perimetres()[0].geometry);
    expect(built.read).toBe(6 + 4);
  });

  it('keeps the list and drops the missing statement', () => {
    const { built, ctx } = build();
    expect(built.items).toHaveLength(3);
    expect(built.missing).toBeUndefined();
    expect(captagesPipeline.measure(built.sublayers, ctx)).toEqual([
      { id: 'perimetres', label: 'Périmètres de protection dessinés', value: 3, unit: 'nombre' },
    ]);
  });
});
