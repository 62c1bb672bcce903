// QPV 2024: the list by commune (ANCT); official outlines when a source provides them, otherwise
// the communes that contain a QPV, clearly labelled as such. Outlines are never made up.
import type { LayerPipeline, Member } from '../pipeline-types';
import { fr, round } from '../metrics';
import { firstText, inTerritory, isMember } from '../select';
import type { GeoFeature, ListItem } from '../types';
import { QPV_NO_OUTLINE } from './layer';

export interface Qpv {
  code: string;
  nom: string;
  communes: string[];
}

/** Splits the ANCT rows (one per commune, codes and names joined by ", ") into one record per QPV. */
export function qpvList(rows: GeoFeature[], members: Member[]): { qpv: Qpv[]; messages: string[] } {
  const byCode = new Map<string, Qpv>();
  const messages: string[] = [];
  for (const row of rows) {
    const insee = String(row.properties.insee_com ?? '');
    if (!isMember(members, insee)) continue;
    const commune = members.find((m) => m.code === insee)!.nom;
    const codes = String(row.properties.code_qp ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const names = String(row.properties.lib_qp ?? '')
      .split(', ')
      .map((s) => s.trim());
    if (names.length !== codes.length) messages.push(`commune ${insee} : ${codes.length} codes QPV mais ${names.length} noms, noms ignorés`);
    codes.forEach((code, i) => {
      const entry = byCode.get(code) ?? { code, nom: names.length === codes.length ? names[i] : code, communes: [] };
      if (!entry.communes.includes(commune)) entry.communes.push(commune);
      byCode.set(code, entry);
    });
  }
  return { qpv: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)), messages };
}

export const qpvPipeline: LayerPipeline = {
  layerId: 'qpv',
  select(ctx) {
    const rows = ctx.input('qpv-liste').features;
    const { qpv, messages } = qpvList(rows, ctx.members);
    const contours = ctx.optional('qpv-contours');
    const codes = new Set(qpv.map((q) => q.code));
    const outlines: GeoFeature[] = (contours?.features ?? [])
      .filter((f) => codes.has(String(firstText(f.properties, 'code_qp', 'code_quartier', 'code') ?? '')) || inTerritory(f, ctx.territory))
      .map((f) => {
        const code = firstText(f.properties, 'code_qp', 'code_quartier', 'code') ?? '';
        const known = qpv.find((q) => q.code === code);
        return {
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            nom: known?.nom ?? firstText(f.properties, 'lib_qp', 'nom_qp', 'nom_quartier', 'nom') ?? code,
            code_qp: code,
            communes: known?.communes.join(', ') ?? '',
          },
        };
      });
    const communes: GeoFeature[] = ctx.communes
      .map((c) => ({ commune: c, list: qpv.filter((q) => q.communes.includes(String(c.properties.nom))) }))
      .filter(({ list }) => list.length > 0)
      .map(({ commune, list }) => ({
        type: 'Feature',
        geometry: commune.geometry,
        properties: {
          nom: String(commune.properties.nom),
          code: String(commune.properties.code),
          population: commune.properties.population,
          qpv_nombre: list.length,
          qpv_noms: list.map((q) => q.nom).join(', '),
          qpv_codes: list.map((q) => q.code).join(', '),
          precision: outlines.length > 0 ? 'Contour de la commune' : `Contour de la commune : ${QPV_NO_OUTLINE}`,
        },
      }));
    const items: ListItem[] = qpv.map((q) => ({ name: q.nom, commune: q.communes.join(', '), detail: q.code, source: 'qpv-liste' }));
    return {
      read: rows.length + (contours?.features.length ?? 0),
      messages,
      items,
      missing:
        outlines.length > 0
          ? undefined
          : "Les contours officiels des QPV 2024 (ANCT) ne figurent dans aucune source disponible : la carte marque d'un repère les communes qui comptent au moins un quartier prioritaire et y écrit le nom des quartiers ; le contour dessiné est celui de la commune. Pour afficher les contours, déposer le fichier national QP2024 de l'ANCT dans geodata/local/qpv.geojson, ou reconstruire les données avec l'option --en-ligne.",
      sublayers: { 'qpv-contours': outlines, 'qpv-communes': communes },
    };
  },
  measure(s, ctx) {
    const communes = s['qpv-communes'] ?? [];
    const qpvCodes = new Set(communes.flatMap((c) => String(c.properties.qpv_codes).split(', ')));
    const popWith = communes.reduce((sum, c) => sum + Number(c.properties.population ?? 0), 0);
    const popAll = ctx.members.reduce((sum, m) => sum + m.population, 0);
    return [
      { id: 'qpv', label: 'Quartiers prioritaires (liste 2024)', value: qpvCodes.size, unit: 'nombre' },
      { id: 'communes-qpv', label: 'Communes comptant un QPV', value: communes.length, unit: 'nombre' },
      {
        id: 'part-population',
        label: 'Part de la population vivant dans une commune comptant un QPV',
        value: round((100 * popWith) / popAll, 1),
        unit: '%',
        note: `${fr(popWith, 0)} habitants sur ${fr(popAll, 0)} (populations municipales DGCL) ; ce n'est pas la population des quartiers eux-mêmes`,
      },
      ...(s['qpv-contours']?.length
        ? [{ id: 'contours', label: 'QPV dessinés (contours officiels)', value: s['qpv-contours'].length, unit: 'nombre' as const }]
        : []),
    ];
  },
};
