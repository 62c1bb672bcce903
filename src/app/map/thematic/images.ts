// Style images the thematic layers refer to: fill patterns (in the outline colour) and point
// markers, named after what they draw so that a theme switch simply asks for other names.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SymbolStyle } from '../../../../layers/types';
import { markerImage, markerKey } from '../markers';
import { patternImage } from '../patterns';

/** Patterns are drawn over the translucent fill in the outline colour, nearly opaque. */
const PATTERN_ALPHA = 215;
/** Drawn at twice the CSS size: sharp on high-density screens and in 2× exports. */
const RATIO = 2;

export const patternImageId = (s: SymbolStyle): string => `motif:${s.pattern}:${s.line.slice(0, 3).join(',')}`;
export const markerImageId = (s: SymbolStyle): string => `marqueur:${markerKey(s)}`;

/** Adds the marker images of a point sublayer's classes the map does not have yet. */
export function ensureMarkerImages(map: MapLibreMap, symbols: SymbolStyle[]): void {
  for (const s of symbols) {
    const id = markerImageId(s);
    if (!map.hasImage(id)) map.addImage(id, markerImage(s, RATIO), { pixelRatio: RATIO });
  }
}

/** Adds the pattern tiles of a polygon sublayer's classes the map does not have yet. */
export function ensurePatternImages(map: MapLibreMap, symbols: SymbolStyle[]): void {
  for (const s of symbols) {
    if (!s.pattern || s.pattern === 'plein') continue;
    const id = patternImageId(s);
    if (!map.hasImage(id)) map.addImage(id, patternImage(s.pattern, [s.line[0], s.line[1], s.line[2], PATTERN_ALPHA], RATIO), { pixelRatio: RATIO });
  }
}
