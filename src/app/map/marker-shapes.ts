// Marker outlines as SVG path data centred on (0, 0): the canvas atlas (Path2D) and the SVG legend
// draw the very same shape.
import type { Marker } from '../../../layers/types';

const f = (n: number): string => n.toFixed(2);

export function markerPath(marker: Marker, r: number): string {
  switch (marker) {
    case 'cercle':
      return `M ${f(-r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(-r)} 0 Z`;
    case 'carre': {
      const s = r * 0.88;
      return `M ${f(-s)} ${f(-s)} H ${f(s)} V ${f(s)} H ${f(-s)} Z`;
    }
    case 'triangle':
      return `M 0 ${f(-r)} L ${f(r * 0.95)} ${f(r * 0.75)} L ${f(-r * 0.95)} ${f(r * 0.75)} Z`;
    case 'losange':
      return `M 0 ${f(-r)} L ${f(r)} 0 L 0 ${f(r)} L ${f(-r)} 0 Z`;
    case 'croix': {
      // A thick "+" so it stays readable at 13 px.
      const a = r * 0.34;
      return `M ${f(-a)} ${f(-r)} H ${f(a)} V ${f(-a)} H ${f(r)} V ${f(a)} H ${f(a)} V ${f(r)} H ${f(-a)} V ${f(a)} H ${f(-r)} V ${f(-a)} H ${f(-a)} Z`;
    }
  }
}
