// How a workspace item looks, shared by the map's style (workbench/map/workspace-layers.ts) and the
// legend over the map, which loads before the workbench: this module stays outside it.
import type { GeometryKind, SymbolStyle } from '../../../layers/types';
import type { WorkspaceItem } from '../../core/types';

/** Which kinds of geometry an item holds (a collection may hold all three). */
export function kinds(item: WorkspaceItem): { polygons: boolean; lines: boolean; points: boolean } {
  const has = (...types: string[]) => types.some((t) => (item.geometryTypes[t] ?? 0) > 0) || (item.geometryTypes.GeometryCollection ?? 0) > 0;
  return { polygons: has('Polygon', 'MultiPolygon'), lines: has('LineString', 'MultiLineString'), points: has('Point', 'MultiPoint') };
}

/** Fill opacity against the item's: result zones are lighter, what lies under them stays readable. */
export const fillShare = (item: WorkspaceItem) => (item.kind === 'resultat' ? 0.18 : 0.35);
/** Result outlines are dashed (in line widths, as MapLibre counts them). */
export const RESULT_DASH: [number, number] = [2.4, 1.2];

/** The legend's symbol of an item: the colours, dash and geometry the map draws it with. */
export function workspaceSymbol(item: WorkspaceItem): { symbol: SymbolStyle; geometry: GeometryKind } {
  const has = kinds(item);
  const [r, g, b] = item.colour;
  const a = (share: number) => Math.round(item.opacity * share * 255);
  const geometry: GeometryKind = has.polygons ? 'polygon' : has.lines ? 'line' : 'point';
  return {
    geometry,
    symbol: {
      fill: [r, g, b, a(fillShare(item))],
      line: [r, g, b, a(1)],
      lineWidth: 2,
      ...(item.kind === 'resultat' ? { dash: RESULT_DASH } : {}),
      ...(geometry === 'point' ? { marker: 'cercle' as const, markerSize: 10 } : {}),
    },
  };
}
