// MapLibre's own UI strings (canvas label, zoom buttons) per locale. MapLibre reads its locale once,
// at construction: a later language change rewrites the labels it put in the DOM.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { translate, type Locale } from '../i18n';

export function mapLibreLocale(locale: Locale): Record<string, string> {
  return {
    'Map.Title': translate(locale, 'ui.map.title'),
    'NavigationControl.ZoomIn': translate(locale, 'ui.map.zoomIn'),
    'NavigationControl.ZoomOut': translate(locale, 'ui.map.zoomOut'),
    'NavigationControl.ResetBearing': translate(locale, 'ui.map.resetBearing'),
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  };
}

/** Id given to the map canvas, target of the "go to the map" skip link. */
export const MAP_CANVAS_ID = 'carte-interactive';

/** Id of the hidden text that tells keyboard users how to use the map and where its text alternative is. */
export const MAP_HELP_ID = 'aide-carte';

export function applyMapLocale(map: MapLibreMap, locale: Locale): void {
  const strings = mapLibreLocale(locale);
  const canvas = map.getCanvas();
  canvas.id = MAP_CANVAS_ID;
  canvas.setAttribute('aria-label', strings['Map.Title']);
  canvas.setAttribute('aria-describedby', MAP_HELP_ID);
  const container = map.getContainer();
  const label = (selector: string, text: string) => {
    const button = container.querySelector<HTMLElement>(selector);
    if (!button) return;
    button.title = text;
    button.setAttribute('aria-label', text);
  };
  label('.maplibregl-ctrl-zoom-in', strings['NavigationControl.ZoomIn']);
  label('.maplibregl-ctrl-zoom-out', strings['NavigationControl.ZoomOut']);
  label('.maplibregl-ctrl-compass', strings['NavigationControl.ResetBearing']);
}
