// QGIS symbols and rule-based renderers drawn from the atlas's style classes (light theme), so the
// project looks like the map.
import { themeClair } from '../../../layers/theme';
import type { Rgba, SublayerDefinition, SymbolStyle } from '../../../layers/types';
import { escapeXml } from '../../../src/core/export/kml';
import { classExpression } from './rules';

const colour = ([r, g, b, a]: Rgba) => `${r},${g},${b},${a}`;
const option = (name: string, value: string | number) => `<Option type="QString" name="${name}" value="${escapeXml(String(value))}"/>`;
const symbolLayer = (cls: string, props: Record<string, string | number>) =>
  `<layer class="${cls}" enabled="1" locked="0" pass="0"><Option type="Map">${Object.entries(props)
    .map(([k, v]) => option(k, v))
    .join('')}</Option></layer>`;

function lineProps(s: SymbolStyle): Record<string, string | number> {
  return {
    line_color: colour(s.line),
    line_width: s.lineWidth,
    line_width_unit: 'Pixel',
    line_style: 'solid',
    capstyle: 'round',
    joinstyle: 'round',
    use_custom_dash: s.dash ? 1 : 0,
    // The atlas's dashes are in multiples of the line width.
    customdash: s.dash ? `${s.dash[0] * s.lineWidth};${s.dash[1] * s.lineWidth}` : '5;2',
    customdash_unit: 'Pixel',
  };
}

/** Hatches as QGIS line-pattern fills (its own hatch brushes cannot take the atlas's colour and spacing). */
function hatch(angle: number, s: SymbolStyle): string {
  const line = symbolLayer('SimpleLine', { ...lineProps({ ...s, lineWidth: 1, dash: undefined }), line_color: colour(s.line) });
  return `<layer class="LinePatternFill" enabled="1" locked="0" pass="0"><Option type="Map">${[
    option('angle', angle),
    option('distance', 8),
    option('distance_unit', 'Pixel'),
    option('line_width', 1),
    option('line_width_unit', 'Pixel'),
    option('color', colour(s.line)),
  ].join('')}</Option><symbol type="line" name="@0@1" alpha="1" clip_to_extent="1" force_rhr="0">${line}</symbol></layer>`;
}

const MARKERS: Record<NonNullable<SymbolStyle['marker']>, string> = {
  cercle: 'circle',
  carre: 'square',
  triangle: 'triangle',
  losange: 'diamond',
  croix: 'cross_fill',
};

export function symbolXml(kind: SublayerDefinition['geometry'], s: SymbolStyle, name: string): string {
  let type: string;
  let layers: string[];
  if (kind === 'point') {
    type = 'marker';
    layers = [
      symbolLayer('SimpleMarker', {
        name: MARKERS[s.marker ?? 'cercle'],
        color: colour(s.fill ?? s.line),
        outline_color: colour(s.line),
        outline_width: s.lineWidth,
        outline_width_unit: 'Pixel',
        size: s.markerSize ?? 10,
        size_unit: 'Pixel',
      }),
    ];
  } else if (kind === 'line') {
    type = 'line';
    layers = [symbolLayer('SimpleLine', lineProps(s))];
  } else {
    type = 'fill';
    const outline = lineProps(s);
    layers = [
      symbolLayer('SimpleFill', {
        color: colour(s.fill ?? [0, 0, 0, 0]),
        style: s.fill ? 'solid' : 'no',
        outline_color: outline.line_color,
        outline_width: s.lineWidth,
        outline_width_unit: 'Pixel',
        outline_style: s.dash ? 'dash' : 'solid',
        joinstyle: 'round',
      }),
    ];
    if (s.pattern === 'hachures') layers.push(hatch(45, s));
    if (s.pattern === 'hachures-inverses') layers.push(hatch(-45, s));
    if (s.pattern === 'croisillons') layers.push(hatch(45, s), hatch(-45, s));
    if (s.pattern === 'points')
      layers.push(
        `<layer class="PointPatternFill" enabled="1" locked="0" pass="0"><Option type="Map">${[
          option('distance_x', 8),
          option('distance_y', 8),
          option('distance_x_unit', 'Pixel'),
          option('distance_y_unit', 'Pixel'),
        ].join('')}</Option><symbol type="marker" name="@0@1" alpha="1" clip_to_extent="1" force_rhr="0">${symbolLayer('SimpleMarker', {
          name: 'circle',
          color: colour(s.line),
          outline_style: 'no',
          size: 2,
          size_unit: 'Pixel',
        })}</symbol></layer>`,
      );
    // A dashed outline keeps its dash pattern: drawn again on top as a line with the custom dashes.
    if (s.dash)
      layers.push(
        `<layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map">${Object.entries(outline)
          .map(([k, v]) => option(k, v))
          .join('')}</Option></layer>`,
      );
    // The plain outline is drawn by the dashed line above instead.
    if (s.dash) layers[0] = layers[0].replace('name="outline_style" value="dash"', 'name="outline_style" value="no"');
    // A marked polygon class (communes containing a QPV without its outline): the mark on the surface, as on the map.
    if (s.marker)
      layers.push(
        `<layer class="CentroidFill" enabled="1" locked="0" pass="0"><Option type="Map">${[
          option('point_on_surface', 1),
          option('point_on_all_parts', 0),
        ].join('')}</Option><symbol type="marker" name="@0@${layers.length}" alpha="1" clip_to_extent="1" force_rhr="0">${symbolLayer(
          'SimpleMarker',
          {
            name: MARKERS[s.marker],
            color: colour(s.line),
            outline_color: '255,255,255,255',
            outline_width: 1.5,
            outline_width_unit: 'Pixel',
            size: s.markerSize ?? 10,
            size_unit: 'Pixel',
          },
        )}</symbol></layer>`,
      );
  }
  return `<symbol type="${type}" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0">${layers.join('')}</symbol>`;
}

export function rendererXml(sublayer: SublayerDefinition): string {
  const classes = sublayer.classes(themeClair);
  const symbols = classes.map((c, i) => symbolXml(sublayer.geometry, c.symbol, String(i))).join('');
  const rules = classes
    .map((c, i) => {
      const filter = c.when ? classExpression(sublayer.id, classes, i) : classes.some((o) => o.when) ? 'ELSE' : null;
      return `<rule key="${escapeXml(`${sublayer.id}-${c.id}`)}" symbol="${i}" label="${escapeXml(c.label)}"${filter ? ` filter="${escapeXml(filter)}"` : ''}/>`;
    })
    .join('');
  return `<renderer-v2 type="RuleRenderer" symbollevels="0" forceraster="0" enableorderby="0"><rules key="racine">${rules}</rules><symbols>${symbols}</symbols></renderer-v2>`;
}
