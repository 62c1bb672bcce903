// Workspace items made from what the worker returns: an imported layer, an analysis result, a
// kept measure. Pure: ids, colours and order come from the caller.
import type { Bounds } from '../../../layers/types';
import { importCredit } from '../../core/credits';
import type { ImportedLayerSummary } from '../../core/worker-protocol';
import type { AnalysisSummary, Credit, Rgb, WorkspaceItem } from '../../core/types';

/** Colours for new items, away from the thematic layers' palette; the user may change them. */
export const PALETTE: Rgb[] = [
  [214, 39, 135],
  [230, 108, 0],
  [0, 121, 140],
  [117, 63, 191],
  [162, 20, 47],
  [37, 110, 255],
];

export interface Placement {
  colour: Rgb;
  order: number;
  createdAt: string;
}

/** Colour and drawing order of the next item: on top of the others, next colour of the palette. */
export function nextPlacement(items: WorkspaceItem[], createdAt = new Date().toISOString()): Placement {
  return {
    colour: PALETTE[items.length % PALETTE.length],
    order: items.reduce((max, i) => Math.max(max, i.order), 0) + 1,
    createdAt,
  };
}

export function importedItem(id: string, summary: ImportedLayerSummary, at: Placement): WorkspaceItem {
  return {
    id,
    kind: 'import',
    name: summary.name,
    ...at,
    opacity: 0.85,
    visible: true,
    featureCount: summary.featureCount,
    geometryTypes: summary.geometryTypes,
    bounds: summary.bounds,
    propertyNames: summary.propertyNames,
    origin: { fileName: summary.fileName, format: summary.format, crs: summary.crs, crsUsed: summary.crsUsed, warnings: summary.warnings },
    credits: [importCredit(summary.fileName, at.createdAt)],
  };
}

export function resultItem(
  id: string,
  summary: AnalysisSummary,
  shape: { featureCount: number; geometryTypes: Record<string, number>; bounds: Bounds | null },
  credits: Credit[],
  at: Placement,
): WorkspaceItem {
  return {
    id,
    kind: 'resultat',
    name: `Zone tampon ${summary.distanceM} m — ${summary.source.name}`,
    ...at,
    opacity: 0.85,
    visible: true,
    ...shape,
    propertyNames: ['couche', 'sous_couche', 'nom', 'distance_m', 'longueur_km', 'surface_ha'],
    analysis: summary,
    credits,
  };
}

export function featuresItem(
  id: string,
  name: string,
  kind: WorkspaceItem['kind'],
  shape: { featureCount: number; geometryTypes: Record<string, number>; bounds: Bounds | null; propertyNames: string[] },
  at: Placement,
): WorkspaceItem {
  return { id, kind, name, ...at, opacity: 0.9, visible: true, ...shape, credits: [] };
}

/**
 * Beyond this many polygons an imported layer is drawn filled only unless the planner asks for outlines:
 * measured on software WebGL, 100,000 parcels took 50–90 s a frame with outlines, 2–4 s without.
 */
export const OUTLINE_AUTO_LIMIT = 20_000;

export const polygonCount = (item: Pick<WorkspaceItem, 'geometryTypes'>): number =>
  (item.geometryTypes.Polygon ?? 0) + (item.geometryTypes.MultiPolygon ?? 0) + (item.geometryTypes.GeometryCollection ?? 0);

export function outlinesShown(item: Pick<WorkspaceItem, 'geometryTypes' | 'outlines' | 'kind'>): boolean {
  if (item.outlines !== undefined) return item.outlines;
  return item.kind === 'resultat' || polygonCount(item) <= OUTLINE_AUTO_LIMIT;
}
