// Legend symbol drawn as inline SVG from the same SymbolStyle the map uses: fill, pattern, dash and
// marker shape, so that no class is told apart by colour alone.
import { useId } from 'react';
import type { FillPattern, GeometryKind, Rgba, SymbolStyle } from '../../../layers/types';
import { markerPath } from '../map/marker-shapes';

const rgb = ([r, g, b]: Rgba): string => `rgb(${r} ${g} ${b})`;
const alpha = (c: Rgba): number => (c[3] ?? 255) / 255;

function PatternDef({ id, pattern, color }: { id: string; pattern: FillPattern; color: Rgba }) {
  const stroke = { stroke: rgb(color), strokeOpacity: 0.85, strokeWidth: 1.4 };
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      {(pattern === 'hachures' || pattern === 'croisillons') && <path d="M -1 7 L 7 -1 M -4 4 L 4 -4 M 2 10 L 10 2" {...stroke} />}
      {(pattern === 'hachures-inverses' || pattern === 'croisillons') && <path d="M -1 -1 L 7 7 M -4 2 L 4 10 M 2 -4 L 10 4" {...stroke} />}
      {pattern === 'points' && <circle cx="3" cy="3" r="1.2" fill={rgb(color)} fillOpacity={0.9} />}
    </pattern>
  );
}

/** `ground` is the map colour the symbol is drawn on, so light symbols of a dark theme stay visible. */
export function SymbolSwatch({ symbol, geometry, ground }: { symbol: SymbolStyle; geometry: GeometryKind; ground: Rgba }) {
  const id = `motif-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const width = 30;
  const height = 20;
  const dash = symbol.dash ? symbol.dash.map((d) => d * Math.max(symbol.lineWidth, 1)).join(' ') : undefined;
  const strokeWidth = Math.min(Math.max(symbol.lineWidth, 1), 4);
  let body: React.ReactNode;
  if (geometry === 'point' && symbol.marker) {
    const r = Math.min((symbol.markerSize ?? 10) / 2 + 1, 7);
    body = (
      <g transform={`translate(${width / 2} ${height / 2})`}>
        <path
          d={markerPath(symbol.marker, r)}
          fill={rgb(symbol.fill ?? symbol.line)}
          stroke="rgb(60 60 60)"
          strokeWidth={2.6}
          strokeLinejoin="round"
        />
        <path
          d={markerPath(symbol.marker, r)}
          fill={rgb(symbol.fill ?? symbol.line)}
          stroke={rgb(symbol.line)}
          strokeWidth={1.2}
          strokeLinejoin="round"
        />
      </g>
    );
  } else if (geometry === 'line') {
    body = (
      <path
        d={`M 4 ${height - 5} C 11 3, 19 17, ${width - 4} 5`}
        fill="none"
        stroke={rgb(symbol.line)}
        strokeOpacity={alpha(symbol.line)}
        strokeWidth={strokeWidth}
        strokeDasharray={dash}
        strokeLinecap="round"
      />
    );
  } else {
    const patterned = symbol.pattern && symbol.pattern !== 'plein';
    body = (
      <>
        {patterned && (
          <defs>
            <PatternDef id={id} pattern={symbol.pattern as FillPattern} color={symbol.line} />
          </defs>
        )}
        <rect
          x="4"
          y="4"
          width={width - 8}
          height={height - 8}
          fill={symbol.fill ? rgb(symbol.fill) : 'none'}
          fillOpacity={symbol.fill ? alpha(symbol.fill) : 0}
        />
        {patterned && <rect x="4" y="4" width={width - 8} height={height - 8} fill={`url(#${id})`} />}
        <rect
          x="4"
          y="4"
          width={width - 8}
          height={height - 8}
          fill="none"
          stroke={rgb(symbol.line)}
          strokeWidth={strokeWidth}
          strokeDasharray={dash}
        />
        {symbol.marker && (
          // A polygon class drawn with a mark at its label point (no fill): the legend shows the mark.
          <path
            transform={`translate(${width / 2} ${height / 2})`}
            d={markerPath(symbol.marker, 4.5)}
            fill={rgb(symbol.line)}
            stroke="rgb(255 255 255)"
            strokeWidth={1.2}
          />
        )}
      </>
    );
  }
  return (
    <svg className="swatch" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width={width - 1} height={height - 1} rx="2" fill={rgb(ground)} stroke="rgb(150 160 166)" strokeWidth="1" />
      {body}
    </svg>
  );
}
