// React glue around MapLibre + deck.gl: creates the map once, then pushes layers, basemap and
// camera requests into it. All view state lives in App / the URL.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Bounds, Catalog, GeoFeature, Theme } from '../../../layers/types';
import { drawOrder, findSublayer } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import type { Camera, Selection } from '../state/url-state';
import { isSublayerShown, type Visibility } from '../state/visibility';
import { createMap, type MapBundle } from './create-map';
import { SOURCE_COMMUNES, SOURCE_TERRITOIRE, applyBasemapTheme, setBasemapData } from '../../core/map-style/basemap-style';
import { setLiveMap } from './live-map';
import { applyBasemap, basemapById, type BasemapId } from '../../core/map-style/basemaps';
import { markerAtlasFor, sublayerDeckLayers, sublayerIdFromDeckLayer } from './deck-layers';
import { cardHaloLayers, hoverLayer, selectionLayers } from './highlight-layers';
import { communeLabels, declutter, labelLayer, type CommuneLabel } from './labels';
import type { PickResult } from './debug-hook';
import { applyMapLocale } from './map-locale';
import { useI18n } from '../i18n';

/** Map edges hidden by panels, in CSS pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A one-off camera move asked by the UI (feature list, card, pasted URL); `key` makes each one new. */
export type CameraRequest =
  | { bounds: [number, number, number, number]; key: number; insets?: Insets; onlyIfOutside?: boolean }
  | { center: [number, number]; zoom: number; key: number; /** Fly there (presentation slides). */ animate?: boolean };

interface MapViewProps {
  catalog: Catalog;
  theme: Theme;
  data: LayerData;
  settled: boolean;
  visibility: Visibility;
  basemap: BasemapId;
  selection: Selection | null;
  /** Features of the open report card, drawn with a halo. */
  cardFeatures: GeoFeature[];
  initialCamera?: Camera;
  cameraRequest: CameraRequest | null;
  onSelect: (selection: Selection | null) => void;
  /** After each move: the camera, and the bounds of what the map shows. */
  onCameraChange: (camera: Camera, bounds: Bounds) => void;
  /** Layers drawn above the thematic ones (the planner's workspace, the measure in progress). */
  extraLayers?: Layer[];
  /** Maps a picked deck layer id to a workspace item id, or null when it is not one. */
  workspaceItemOf?: (deckLayerId: string) => string | null;
  onSelectWorkspace?: (selection: { itemId: string; index: number }) => void;
  /** A selected feature that is not thematic (a workspace feature), outlined like a selection. */
  extraSelected?: GeoFeature | null;
  /** While true, clicks go to `onMeasureClick` and double-click does not zoom. */
  measuring?: boolean;
  onMeasureClick?: (lngLat: [number, number]) => void;
}

export function featureAt(data: LayerData, sel: Selection | null): GeoFeature | null {
  if (!sel) return null;
  const d = data[sel.sublayerId];
  return d?.state === 'ok' ? (d.features[sel.index] ?? null) : null;
}

function toPick(info: PickingInfo, data: LayerData): PickResult | null {
  const sublayerId = info.layer ? sublayerIdFromDeckLayer(info.layer.id) : null;
  const d = sublayerId ? data[sublayerId] : undefined;
  if (!sublayerId || !info.object || d?.state !== 'ok') return null;
  // GeoJsonLayer reports the index in its data; fall back to a search if it ever does not.
  const index = d.features[info.index] === info.object ? info.index : d.features.indexOf(info.object as GeoFeature);
  if (index < 0) return null;
  const def = findSublayer(sublayerId);
  const name = d.features[index].properties?.[def?.sublayer.nameField ?? 'nom'];
  return { sublayerId, index, name: typeof name === 'string' ? name : null };
}

export function MapView(props: MapViewProps) {
  const { theme, data, settled, visibility, basemap, selection, cardFeatures, cameraRequest } = props;
  const container = useRef<HTMLDivElement>(null);
  const bundle = useRef<MapBundle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [mapReady, setMapReady] = useState(false);
  const [hovered, setHovered] = useState<Selection | null>(null);
  const [labelsShown, setLabelsShown] = useState<CommuneLabel[]>([]);
  const readyResolvers = useRef<() => void>(() => {});
  const { locale } = useI18n();
  const localeAtStart = useRef(locale);

  useEffect(() => {
    if (!container.current) return;
    let resolveReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    const b = createMap(
      container.current,
      latest.current.theme,
      { camera: latest.current.initialCamera, bounds: latest.current.catalog.territory.bounds },
      {
        onClick: (info, lngLat) => {
          const p = latest.current;
          if (p.measuring) {
            p.onMeasureClick?.(lngLat);
            return;
          }
          const itemId = info?.layer && p.workspaceItemOf ? p.workspaceItemOf(info.layer.id) : null;
          if (itemId && info && info.index >= 0) {
            p.onSelectWorkspace?.({ itemId, index: info.index });
            return;
          }
          const pick = info ? toPick(info, latest.current.data) : null;
          latest.current.onSelect(pick ? { sublayerId: pick.sublayerId, index: pick.index } : null);
        },
        onHover: (info) => {
          const pick = toPick(info, latest.current.data);
          setHovered((prev) =>
            prev?.sublayerId === pick?.sublayerId && prev?.index === pick?.index ? prev : pick && { sublayerId: pick.sublayerId, index: pick.index },
          );
        },
      },
      localeAtStart.current,
    );
    bundle.current = b;
    document.body.dataset.mapState = 'chargement';
    const hook = {
      map: b.map,
      ready,
      isReady: false,
      pick: (x: number, y: number) => {
        const info = b.overlay.pickObject({ x, y, radius: 1 });
        return info ? toPick(info, latest.current.data) : null;
      },
      pickAll: (x: number, y: number) =>
        b.overlay
          .pickMultipleObjects({ x, y, radius: 1, depth: 8 })
          .map((info) => toPick(info, latest.current.data))
          .filter((p): p is PickResult => p !== null),
      pickWorkspace: (x: number, y: number) => {
        const info = b.overlay.pickObject({ x, y, radius: 1 });
        const itemId = info?.layer ? latest.current.workspaceItemOf?.(info.layer.id) : null;
        return itemId && info && info.index >= 0 ? { itemId, index: info.index } : null;
      },
    };
    window.__atlas = hook;
    // Exports and the presentation read the map on screen (see live-map.ts).
    setLiveMap({ map: b.map, layers: () => deckLayers.current });
    readyResolvers.current = () => {
      hook.isReady = true;
      resolveReady();
    };
    b.map.on('moveend', () => {
      const c = b.map.getCenter();
      const v = b.map.getBounds();
      latest.current.onCameraChange({ zoom: b.map.getZoom(), lat: c.lat, lon: c.lng }, [v.getWest(), v.getSouth(), v.getEast(), v.getNorth()]);
    });
    void b.loaded.then(() => setMapReady(true));
    return () => {
      b.map.remove();
      bundle.current = null;
      if (window.__atlas === hook) delete window.__atlas;
      setLiveMap(null);
    };
    // The map is created once, from the first render's props (read through refs); later props flow
    // through the effects below.
  }, []);

  // MapLibre's labels follow the UI language (controls exist once the map is created).
  useEffect(() => {
    const map = bundle.current?.map;
    if (map) applyMapLocale(map, locale);
  }, [locale, mapReady]);

  // Offline basemap geometry comes from our own FlatGeobuf files.
  const territoire = data['territoire'];
  const communes = data['communes'];
  // The style is built once; a theme switched later (presentation's high contrast) repaints it.
  useEffect(() => {
    const map = bundle.current?.map;
    if (mapReady && map) applyBasemapTheme(map, theme);
  }, [mapReady, theme]);

  useEffect(() => {
    const map = bundle.current?.map;
    if (!mapReady || !map) return;
    if (territoire?.state === 'ok') setBasemapData(map, SOURCE_TERRITOIRE, territoire.features);
    if (communes?.state === 'ok') setBasemapData(map, SOURCE_COMMUNES, communes.features);
  }, [mapReady, territoire, communes]);

  useEffect(() => {
    const map = bundle.current?.map;
    if (mapReady && map) applyBasemap(map, basemapById(basemap));
  }, [mapReady, basemap]);

  // Labels only on the offline basemap: online rasters carry their own.
  const labels = useMemo(() => (communes?.state === 'ok' ? communeLabels(communes.features) : []), [communes]);
  useEffect(() => {
    const map = bundle.current?.map;
    if (!mapReady || !map) return;
    const update = () => setLabelsShown(declutter(labels, (p) => map.project(p)));
    update();
    map.on('zoomend', update);
    map.on('resize', update);
    return () => {
      map.off('zoomend', update);
      map.off('resize', update);
    };
  }, [mapReady, labels]);

  const markers = useMemo(
    () =>
      markerAtlasFor(
        drawOrder.flatMap((l) => l.sublayers),
        theme,
      ),
    [theme],
  );
  // Built once per data and theme; a toggle only flips `visible` (deck keeps the GPU buffers).
  const built = useMemo(() => {
    type Entry = { layerId: string; sublayerId: string; layer: Layer };
    const bases: (Entry & { area: number })[] = [];
    const out: Entry[] = [];
    for (const layer of drawOrder) {
      for (const sublayer of layer.sublayers) {
        const d = data[sublayer.id];
        if (d?.state !== 'ok') continue;
        const { base, layers } = sublayerDeckLayers({ sublayer, features: d.features, theme }, markers);
        if (base) bases.push({ layerId: layer.id, sublayerId: sublayer.id, layer: base.layer, area: base.meanAreaM2 });
        for (const deckLayer of layers) out.push({ layerId: layer.id, sublayerId: sublayer.id, layer: deckLayer });
      }
    }
    // A click on empty ground names the smallest enclosing unit: commune before territory.
    bases.sort((a, b) => b.area - a.area);
    return [...bases, ...out];
  }, [data, theme, markers]);
  const thematic = useMemo(
    () => built.map((b) => b.layer.clone({ visible: isSublayerShown(visibility, b.layerId, b.sublayerId) })),
    [built, visibility],
  );

  const cardHalo = useMemo(() => cardHaloLayers(cardFeatures, theme), [cardFeatures, theme]);
  const hoveredFeature = featureAt(data, hovered);
  const selectedFeature = featureAt(data, selection) ?? props.extraSelected ?? null;
  const { extraLayers, measuring } = props;
  const deckLayers = useRef<Layer[]>([]);
  const regroupPending = useRef(false);
  useEffect(() => {
    const overlay = bundle.current?.overlay;
    const map = bundle.current?.map;
    if (!mapReady || !overlay || !map) return;
    const layers: (Layer | null)[] = [
      ...cardHalo,
      ...thematic,
      ...(extraLayers ?? []),
      hoverLayer(hoveredFeature === selectedFeature ? null : hoveredFeature, theme, 10),
      ...selectionLayers(selectedFeature, theme, 11),
      basemap === 'atlas' ? labelLayer(labelsShown, theme) : null,
    ];
    deckLayers.current = layers.filter((l): l is Layer => l !== null);
    overlay.setProps({ layers: deckLayers.current });
    // The overlay inserts its layer groups into the style only while the style reports loaded;
    // GeoJSON sources still parsing make it report not loaded, so insert them at the next idle.
    if (!map.isStyleLoaded() && !regroupPending.current) {
      regroupPending.current = true;
      map.once('idle', () => {
        regroupPending.current = false;
        overlay.setProps({ layers: deckLayers.current });
      });
    }
  }, [mapReady, cardHalo, thematic, extraLayers, hoveredFeature, selectedFeature, labelsShown, basemap, theme]);

  useEffect(() => {
    const map = bundle.current?.map;
    if (!map) return;
    if (measuring) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = measuring ? 'crosshair' : '';
  }, [measuring, mapReady]);

  // First idle with every data layer settled: tests and screenshots wait for this.
  const signalled = useRef(false);
  useEffect(() => {
    const map = bundle.current?.map;
    if (!mapReady || !settled || !map || signalled.current) return;
    signalled.current = true;
    map.once('idle', () => {
      document.body.dataset.mapState = 'idle';
      readyResolvers.current();
    });
    map.triggerRepaint();
  }, [mapReady, settled, thematic]);

  useEffect(() => {
    const map = bundle.current?.map;
    if (!map || !cameraRequest) return;
    // No flight for people who asked the system for reduced motion.
    const duration = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600;
    if ('bounds' in cameraRequest) {
      // A new layer already in view does not move the map (nor redraw it along a flight).
      const [w, s, e, n] = cameraRequest.bounds;
      const view = map.getBounds();
      if (cameraRequest.onlyIfOutside && view.contains([w, s]) && view.contains([e, n])) return;
      const i = cameraRequest.insets ?? { top: 0, right: 0, bottom: 0, left: 0 };
      const padding = { top: 60 + i.top, right: 60 + i.right, bottom: 60 + i.bottom, left: 60 + i.left };
      // Panels may leave too little map for the padding: then frame on the whole map.
      const canvas = map.getCanvas();
      const fits = canvas.clientWidth - padding.left - padding.right > 80 && canvas.clientHeight - padding.top - padding.bottom > 80;
      map.fitBounds(cameraRequest.bounds, { padding: fits ? padding : 40, maxZoom: 16, duration });
    } else if (cameraRequest.animate && duration > 0)
      map.flyTo({ center: cameraRequest.center, zoom: cameraRequest.zoom, duration: 1400, essential: true });
    else map.jumpTo({ center: cameraRequest.center, zoom: cameraRequest.zoom });
  }, [cameraRequest]);

  return <div ref={container} className="map" />;
}
