// Communes: the 36 members of EPCI 246200364 (membership from @etalab/decoupage-administratif),
// and the territory outline.
import { area } from '@turf/turf';
import type { LayerPipeline } from '../pipeline-types';
import type { AreaFeature } from '../metrics';
import { areaHa, round } from '../metrics';
import { isMember } from '../select';
import type { GeoFeature } from '../types';

export const EPCI_SIREN = '246200364';

export const communesPipeline: LayerPipeline = {
  layerId: 'communes',
  select(ctx) {
    const communes = ctx.input('communes').features;
    const outlines = ctx.input('territoire').features;
    const messages: string[] = [];
    const kept: GeoFeature[] = communes
      .filter((f) => isMember(ctx.members, String(f.properties.code ?? '')))
      .map((f) => {
        const member = ctx.members.find((m) => m.code === String(f.properties.code))!;
        return {
          ...f,
          properties: {
            code: member.code,
            nom: member.nom,
            population: member.population,
            surface_ha: round(area(f) / 10_000, 1),
          },
        };
      });
    const missing = ctx.members.filter((m) => !kept.some((f) => f.properties.code === m.code));
    if (missing.length > 0) messages.push(`communes membres sans polygone : ${missing.map((m) => m.nom).join(', ')}`);
    // The upstream API may answer one EPCI or a list: keep ours by its SIREN.
    const territory = outlines.filter((f) => String(f.properties.code_siren ?? f.properties.code ?? EPCI_SIREN) === EPCI_SIREN);
    if (territory.length !== 1) throw new Error(`contour de l'EPCI ${EPCI_SIREN} introuvable dans la source « territoire »`);
    return {
      read: communes.length + outlines.length,
      messages,
      sublayers: {
        communes: kept,
        territoire: territory.map((f) => ({
          ...f,
          properties: { nom: "Communauté d'Agglomération de Lens-Liévin", siren: EPCI_SIREN, surface_ha: round(area(f) / 10_000, 0) },
        })),
      },
    };
  },
  measure(sublayers, ctx) {
    const communes = sublayers.communes ?? [];
    return [
      { id: 'communes', label: 'Communes', value: communes.length, unit: 'nombre' },
      {
        id: 'population',
        label: 'Population municipale',
        value: ctx.members.reduce((s, m) => s + m.population, 0),
        unit: 'habitants',
        note: 'Populations municipales DGCL (millésime 2026 de @etalab/decoupage-administratif)',
      },
      { id: 'surface', label: 'Surface du territoire', value: round(areaHa(sublayers.territoire ?? []), 0), unit: 'ha' },
      {
        id: 'surface-communes',
        label: 'Surfaces communales (somme)',
        value: round(areaHa(communes), 0),
        unit: 'ha',
        details: (communes as AreaFeature[])
          .map((c) => ({ label: String(c.properties.nom), value: round(area(c) / 10_000, 0) }))
          .sort((a, b) => b.value - a.value),
      },
    ];
  },
};
