import { describe, expect, it } from 'vitest';
import { QPV_NO_OUTLINE } from '../../layers/qpv/layer';
import { qpvList, qpvPipeline } from '../../layers/qpv/pipeline';
import type { GeoFeature } from '../../layers/types';
import { MEMBERS, box, fakeContext, features, point } from '../fixtures/territory';

// The ANCT list: one row per commune, codes and names of its QPV joined by ", ".
const row = (insee: string, codes: string, names: string) => point(2.8, 50.4, { insee_com: insee, code_qp: codes, lib_qp: names });
const rows = () =>
  features(
    row('62498', 'QN06201M, QN06202M', 'Grande Résidence, Cité 12-14'),
    row('62510', 'QN06203M,QN06201M', 'Cité du 9, Grande Résidence'),
    row('62041', 'QN06299M', 'Quartier d’Arras'),
  );

describe('qpvList', () => {
  it('splits the comma-joined codes and names into one QPV each, sorted by code', () => {
    const { qpv, messages } = qpvList(rows(), MEMBERS);
    expect(messages).toEqual([]);
    expect(qpv).toEqual([
      { code: 'QN06201M', nom: 'Grande Résidence', communes: ['Lens', 'Liévin'] },
      { code: 'QN06202M', nom: 'Cité 12-14', communes: ['Lens'] },
      { code: 'QN06203M', nom: 'Cité du 9', communes: ['Liévin'] },
    ]);
  });

  it('ignores rows of non-member communes', () => {
    expect(qpvList(rows(), MEMBERS).qpv.some((q) => q.code === 'QN06299M')).toBe(false);
  });

  it('falls back to the code as name when codes and names do not pair up, and says so', () => {
    const { qpv, messages } = qpvList(features(row('62295', 'QN06204M, QN06205M', 'Un seul nom')), MEMBERS);
    expect(qpv.map((q) => q.nom)).toEqual(['QN06204M', 'QN06205M']);
    expect(messages).toEqual(['commune 62295 : 2 codes QPV mais 1 noms, noms ignorés']);
  });
});

describe('qpv layer without outlines', () => {
  const build = () => {
    const ctx = fakeContext({ inputs: { 'qpv-liste': { features: rows() } } });
    return { ctx, built: qpvPipeline.select(ctx) };
  };

  it('hatches the communes with a QPV, labelled "contours des QPV non disponibles"', () => {
    const { built, ctx } = build();
    expect(built.sublayers['qpv-contours']).toEqual([]);
    const communes = built.sublayers['qpv-communes'];
    expect(communes.map((c) => c.properties.nom)).toEqual(['Lens', 'Liévin']);
    expect(communes[0].geometry).toEqual(ctx.communes[0].geometry);
    expect(communes[0].properties).toMatchObject({
      code: '62498',
      population: 30_000,
      qpv_nombre: 2,
      qpv_noms: 'Grande Résidence, Cité 12-14',
      qpv_codes: 'QN06201M, QN06202M',
    });
    expect(QPV_NO_OUTLINE).toBe('contours des QPV non disponibles');
    for (const c of communes) expect(c.properties.precision).toBe('Contour de la commune : contours des QPV non disponibles');
  });

  it('lists every QPV and states what is missing and how to provide it', () => {
    const { built } = build();
    expect(built.items).toEqual([
      { name: 'Grande Résidence', commune: 'Lens, Liévin', detail: 'QN06201M', source: 'qpv-liste' },
      { name: 'Cité 12-14', commune: 'Lens', detail: 'QN06202M', source: 'qpv-liste' },
      { name: 'Cité du 9', commune: 'Liévin', detail: 'QN06203M', source: 'qpv-liste' },
    ]);
    expect(built.missing).toMatch(/contours officiels des QPV 2024/);
    expect(built.missing).toContain('geodata/local/qpv.geojson');
    expect(built.missing).toContain('--en-ligne');
    expect(built.read).toBe(3);
  });

  it('measures QPV count, communes with a QPV and their population share', () => {
    const { built, ctx } = build();
    const byId = Object.fromEntries(qpvPipeline.measure(built.sublayers, ctx).map((m) => [m.id, m]));
    expect(byId.qpv.value).toBe(3);
    expect(byId['communes-qpv'].value).toBe(2);
    // (30 000 + 20 000) / 60 000 members' population.
    expect(byId['part-population']).toMatchObject({ value: 83.3, unit: '%' });
    expect(byId).not.toHaveProperty('contours');
  });
});

describe('qpv layer with the optional outlines', () => {
  const contours = () =>
    features(
      box(2.805, 50.425, 2.81, 50.43, { code_qp: 'QN06201M', lib_qp: 'GRANDE RESIDENCE (ANCT)' }),
      box(2.79, 50.425, 2.795, 50.43, { code_quartier: 'QN06203M' }),
      // Not in the list but inside the territory: kept under its own name.
      box(2.811, 50.431, 2.813, 50.433, { code: 'QN06277M', nom_qp: 'Quartier nouveau' }),
      // Elsewhere in France: dropped.
      box(3.5, 50.3, 3.51, 50.31, { code_qp: 'QN05901M', lib_qp: 'Lille-Sud' }),
    );
  const build = () => {
    const ctx = fakeContext({ inputs: { 'qpv-liste': { features: rows() } }, optional: { 'qpv-contours': { features: contours() } } });
    return { ctx, built: qpvPipeline.select(ctx) };
  };

  it('draws the official outlines of the territory, named from the list', () => {
    const { built } = build();
    expect(built.sublayers['qpv-contours'].map((f) => f.properties)).toEqual([
      { nom: 'Grande Résidence', code_qp: 'QN06201M', communes: 'Lens, Liévin' },
      { nom: 'Cité du 9', code_qp: 'QN06203M', communes: 'Liévin' },
      { nom: 'Quartier nouveau', code_qp: 'QN06277M', communes: '' },
    ]);
    expect(built.sublayers['qpv-contours'][0].geometry).toEqual(contours()[0].geometry);
    expect(built.read).toBe(7);
  });

  it('drops the "not available" label and the missing statement', () => {
    const { built } = build();
    expect(built.missing).toBeUndefined();
    for (const c of built.sublayers['qpv-communes']) {
      expect(c.properties.precision).toBe('Contour de la commune');
      expect(String(c.properties.precision)).not.toContain(QPV_NO_OUTLINE);
    }
  });

  it('counts the drawn outlines', () => {
    const { built, ctx } = build();
    const byId = Object.fromEntries(qpvPipeline.measure(built.sublayers, ctx).map((m) => [m.id, m]));
    expect(byId.contours.value).toBe(3);
  });

  it('behaves as without outlines when the optional source has none in the territory', () => {
    const ctx = fakeContext({
      inputs: { 'qpv-liste': { features: rows() } },
      optional: { 'qpv-contours': { features: contours().slice(3) as GeoFeature[] } },
    });
    const built = qpvPipeline.select(ctx);
    expect(built.sublayers['qpv-contours']).toEqual([]);
    expect(built.missing).toBeDefined();
    expect(built.sublayers['qpv-communes'][0].properties.precision).toContain(QPV_NO_OUTLINE);
  });
});
