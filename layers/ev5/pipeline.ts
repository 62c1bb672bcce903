// EuroVelo 5: the OSM relation's GPX segments, clipped to the territory; length in total and per commune.
import { booleanIntersects } from '@turf/turf';
import type { LayerPipeline } from '../pipeline-types';
import { clipLines, lengthKm, lengthPerZoneKm, round } from '../metrics';
import type { AreaFeature } from '../metrics';
import { length } from '@turf/turf';
import type { GeoFeature } from '../types';

export const EV5_RELATION = 5245117;

/** Lengths per commune below 10 m are clipping noise along shared boundaries. */
const MIN_KM_IN_COMMUNE = 0.01;

export function ev5Pieces(segments: GeoFeature[], territory: AreaFeature, communes: AreaFeature[]): GeoFeature[] {
  const pieces = clipLines(segments, territory);
  return pieces.map((piece, i) => {
    const crossed = communes
      .filter((c) => booleanIntersects(piece, c))
      .map((c) => ({ nom: String(c.properties.nom), km: lengthKm(clipLines([piece], c)) }))
      .filter((c) => c.km >= MIN_KM_IN_COMMUNE)
      .map((c) => c.nom);
    const segment = Number(piece.properties.gpx_segment ?? i);
    return {
      type: 'Feature',
      properties: {
        nom: `EuroVelo 5 – segment ${segment} (${crossed.join(' / ') || 'CALL'})`,
        segment_gpx: segment,
        longueur_km: round(length(piece, { units: 'kilometers' }), 3),
        communes: crossed.join(', '),
        relation_osm: EV5_RELATION,
      },
      geometry: piece.geometry,
    };
  });
}

export const ev5Pipeline: LayerPipeline = {
  layerId: 'ev5',
  select(ctx) {
    const segments = ctx.input('ev5-gpx').features;
    return { read: segments.length, sublayers: { 'ev5-troncons': ev5Pieces(segments, ctx.territory, ctx.communes) } };
  },
  measure(sublayers, ctx) {
    const pieces = sublayers['ev5-troncons'] ?? [];
    return [
      {
        id: 'longueur-call',
        label: 'Longueur de l’EuroVelo 5 dans la CALL',
        value: round(lengthKm(pieces), 2),
        unit: 'km',
        note: 'Somme des segments OSM découpés par le contour de la CALL',
      },
      {
        id: 'longueur-par-commune',
        label: 'Longueur par commune',
        value: round(lengthKm(pieces), 2),
        unit: 'km',
        details: lengthPerZoneKm(pieces, ctx.communes, (c) => String(c.properties.nom)).map((d) => ({ ...d, value: round(d.value, 2) })),
      },
      { id: 'segments', label: 'Segments OSM sur le territoire', value: pieces.length, unit: 'nombre' },
    ];
  },
};
