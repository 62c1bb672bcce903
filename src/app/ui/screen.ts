// Breakpoints and the sizes TypeScript needs, in one place. CSS media queries use the same widths
// (tests/unit/layout-breakpoints.test.ts checks every @media against this file); sizes CSS owns are
// read from its custom properties rather than copied here.

/** Widths (CSS px) at which the layout changes. */
export const BREAKPOINTS = {
  /** Below: phone layout (bottom sheet, full-width overlays, one-column header). */
  narrow: 760,
  /** Below: small phones (cards' figures wrap). */
  small: 480,
  /** Below: the presentation stacks the slide under the map. */
  presentStacked: 900,
  /** Portrait screens up to this width stack the presentation too. */
  presentPortrait: 1200,
  /** Below: the header's actions (presentation, image, language, panel) fold into a menu. */
  headerMenu: 900,
  /** Below: the map legend starts collapsed (the map needs the room). */
  legendCollapsed: 600,
  /** From this width and height: a wide screen, with room for overlays open by default (none is, since the credits folded). */
  wide: 1100,
  wideHeight: 700,
} as const;

export const NARROW_QUERY = `(max-width: ${BREAKPOINTS.narrow}px)`;
export const WIDE_QUERY = `(min-width: ${BREAKPOINTS.wide}px) and (min-height: ${BREAKPOINTS.wideHeight}px)`;

export const narrowScreen = (): boolean => window.matchMedia(NARROW_QUERY).matches;
export const wideScreen = (): boolean => window.matchMedia(WIDE_QUERY).matches;

/** A length custom property of the root style sheet (styles.css), in CSS pixels. */
function rootLength(name: string, fallback: number): number {
  const value = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue(name));
  return Number.isFinite(value) ? value : fallback;
}

/**
 * How much of the map's left edge the legend covers when the map first opens: the legend starts open
 * from BREAKPOINTS.legendCollapsed up, and the territory is framed beside it on a map wide enough
 * to spare the room (otherwise the legend sits over the map and can be folded).
 */
export function legendInset(mapWidth: number): number {
  if (window.innerWidth < BREAKPOINTS.legendCollapsed || mapWidth < 900) return 0;
  return 10 + rootLength('--map-legend-width', 280);
}

/** How much of the map's left edge the feature sheet covers on a wide screen (offset + width). */
export function featurePanelInset(): number {
  return rootLength('--feature-panel-offset', 12) + rootLength('--feature-panel-width', 360);
}
