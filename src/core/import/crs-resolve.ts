// Which system a layer's coordinates are in. Order: the user's choice > what the file declares
// (.prj, `crs` member, FlatGeobuf header) > what the format fixes (KML, GPX: WGS84) > the
// coordinate ranges. A declaration the coordinates plainly contradict gives way to the ranges,
// with a warning.
import type { Position } from 'geojson';
import { crsLabel, describeRanges, detectCrsFromRanges, formatKm, rankCrsByRanges, reprojector, validityTest } from '../geo/crs';
import type { CrsCode, CrsDetection } from '../types';
import { errors, FORMAT_LABELS } from './errors';
import type { RawLayer } from './raw-layer';

export interface ResolvedCrs {
  detection: CrsDetection;
  used: CrsCode;
  warnings: string[];
}

/** Share of the sample inside the system's area of validity for a declaration to be believed. */
const PLAUSIBLE_SHARE = 0.5;
/** A ranges guess farther than this from Lens gets a warning. */
const FAR_KM = 150;

function shareValid(code: CrsCode, sample: Position[]): number {
  if (sample.length === 0) return 1;
  const project = reprojector(code);
  const valid = validityTest(code);
  let inside = 0;
  for (const p of sample) {
    const q = project(p);
    if (Number.isFinite(q[0]) && Number.isFinite(q[1]) && valid(p, q)) inside++;
  }
  return inside / sample.length;
}

export function resolveCrs(layer: RawLayer, fileName: string, sample: Position[], override: CrsCode | undefined): ResolvedCrs {
  const ranges = detectCrsFromRanges(sample);
  const candidates = ranges.candidates;
  const warnings: string[] = [];

  if (override) {
    let detail = `système choisi par l'utilisateur : ${crsLabel(override)}`;
    if (ranges.code && ranges.code !== override) detail += ` (l'étendue des coordonnées évoque plutôt ${crsLabel(ranges.code)})`;
    if (shareValid(override, sample) < PLAUSIBLE_SHARE) {
      warnings.push(
        `${fileName} : avec le système choisi, ${crsLabel(override)}, la plupart des coordonnées tombent hors de sa zone de validité ; vérifiez ce choix.`,
      );
    }
    return { detection: { code: override, source: 'utilisateur', detail, candidates }, used: override, warnings };
  }

  const declared = layer.declared;
  if (declared) {
    if (declared.code === null) throw errors.crsUnsupported(fileName, layer.format, declared.declared);
    const detail = `${declared.where} : ${declared.declared}, lu comme ${crsLabel(declared.code)}`;
    if (shareValid(declared.code, sample) >= PLAUSIBLE_SHARE) {
      return { detection: { code: declared.code, source: declared.source, detail, candidates }, used: declared.code, warnings };
    }
    if (ranges.code) {
      warnings.push(
        `${fileName} : le fichier déclare ${crsLabel(declared.code)} (${declared.where}) mais ses coordonnées correspondent à ${crsLabel(ranges.code)} ; elles sont lues en ${crsLabel(ranges.code)}. Choisissez un autre système si ce n'est pas le bon.`,
      );
      return {
        detection: { ...ranges, detail: `${ranges.detail} ; ${declared.where} contredit (${declared.declared})` },
        used: ranges.code,
        warnings,
      };
    }
    throw errors.crsUndetected(
      fileName,
      layer.format,
      `le fichier déclare ${crsLabel(declared.code)} (${declared.where}) mais ses coordonnées (${describeRanges(sample)}) n'y sont pas valides, ni en France métropolitaine dans un autre système`,
    );
  }

  if (layer.formatWgs84) {
    const detail = `le format ${FORMAT_LABELS[layer.format]} est toujours en ${crsLabel('EPSG:4326')}`;
    return { detection: { code: 'EPSG:4326', source: 'format', detail, candidates }, used: 'EPSG:4326', warnings };
  }

  if (ranges.code) {
    // A guess that lands far from the CALL is likely wrong (UTM 31N metres read as Web Mercator).
    const best = rankCrsByRanges(sample)[0];
    if (best && best.distanceKm > FAR_KM) {
      warnings.push(
        `${fileName} : sans système déclaré, les coordonnées sont lues en ${crsLabel(ranges.code)} et tombent à ${formatKm(best.distanceKm)} de Lens ; si le fichier concerne le territoire de la CALL, choisissez son système.`,
      );
    }
    return { detection: ranges, used: ranges.code, warnings };
  }

  if (layer.wgs84Fallback && sample.length > 0 && shareValid('EPSG:4326', sample) >= 0.9) {
    const detail = `${layer.wgs84Fallback} ; les coordonnées sont hors de France métropolitaine`;
    return { detection: { code: 'EPSG:4326', source: 'format', detail, candidates }, used: 'EPSG:4326', warnings };
  }
  throw errors.crsUndetected(fileName, layer.format, ranges.detail);
}
