// React glue around MapLibre: creates the map once, then pushes layers, basemap and camera
// requests into it. The thematic layers are MapLibre style layers generated from each layer's
// classes (thematic/); deck.gl is loaded only for the workbench's layers (deck-overlay.ts).
// All view state lives in App / the URL.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Bounds, Catalog, GeoFeature, Theme } from '../../../layers/types';
import type { LayerData } from '../data/useLayerData';
import type { Camera, Selection } from '../state/url-state';
import type { Visibility } from '../state/visibility';
import { createMap, type MapBundle } from './create-map';
import { SOURCE_COMMUNES, SOURCE_TERRITOIRE, applyBasemapTheme, setBasemapData } from '../../core/map-style/basemap-style';
import { setLiveMap } from './live-map';
import { applyBasemap, basemapById, type BasemapId } from '../../core/map-style/basemaps';
import { syncThematic } from './thematic/sync';
import { syncOverlayLayers } from './overlay-layers';
import { syncSource } from './style-sync';
import { CARD_SOURCE, HIGHLIGHT_FIRST, HOVER_SOURCE, SELECTION_SOURCE, collection } from './highlight';
import { LABEL_SOURCE, communeLabels, labelCollection } from './labels';
import { pickAllAt, pickAt } from './pick';
import { createDeckOverlay, type DeckOverlay } from './deck-overlay';
import { syncWorkspace, workspaceFeatureAt, type WorkspaceStyle } from './workspace-sync';
import { applyMapLocale } from './map-locale';
import { useI18n } from '../i18n';
import { legendInset } from '../ui/screen';

/** Map edges hidden by panels, in CSS pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A one-off camera move asked by the UI (feature list, card, pasted URL); `key` makes each one new. */
export type CameraRequest =
  | {
      bounds: [number, number, number, number];
      key: number;
      insets?: Insets;
      onlyIfOutside?: boolean;
      /** No flight: MapLibre asks a new source's tiles only once the camera stops (a new import). */
      jump?: boolean;
    }
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
  /** deck.gl layers drawn above the thematic ones (the measure in progress). */
  extraLayers?: Layer[];
  /** The planner's workspace: MapLibre vector sources (tiles cut in the workbench worker) and layers. */
  workspace?: WorkspaceStyle;
  /** Maps a picked MapLibre layer id to a workspace item id, or null when it is not one. */
  workspaceItemOf?: (layerId: string) => string | null;
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

export function MapView(props: MapViewProps) {
  const { theme, data, settled, visibility, basemap, selection, cardFeatures, cameraRequest } = props;
  const container = useRef<HTMLDivElement>(null);
  const bundle = useRef<MapBundle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [mapReady, setMapReady] = useState(false);
  const [hovered, setHovered] = useState<Selection | null>(null);
  const readyResolvers = useRef<() => void>(() => {});
  const deck = useRef<DeckOverlay | null>(null);
  const { locale } = useI18n();
  const localeAtStart = useRef(locale);

  useEffect(() => {
    if (!container.current) return;
    let resolveReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    /** The workspace feature under a point, drawn above the thematic layers. */
    const workspaceAt = (x: number, y: number, radius: number) => {
      const { workspace, workspaceItemOf } = latest.current;
      return bundle.current && workspace && workspaceItemOf ? workspaceFeatureAt(bundle.current.map, workspace, workspaceItemOf, x, y, radius) : null;
    };
    const b = createMap(
      container.current,
      latest.current.theme,
      {
        camera: latest.current.initialCamera,
        bounds: latest.current.catalog.territory.bounds,
        insetLeft: legendInset(container.current.clientWidth),
      },
      {
        onClick: ({ x, y }, lngLat) => {
          const p = latest.current;
          if (p.measuring) {
            p.onMeasureClick?.(lngLat);
            return;
          }
          const workspace = workspaceAt(x, y, 4);
          if (workspace) {
            p.onSelectWorkspace?.(workspace);
            return;
          }
          const pick = pickAt(b.map, p.data, x, y, 4);
          p.onSelect(pick ? { sublayerId: pick.sublayerId, index: pick.index } : null);
        },
        onHover: (point) => {
          const pick = point ? pickAt(b.map, latest.current.data, point.x, point.y, 4) : null;
          const overWorkspace = !!point && !!workspaceAt(point.x, point.y, 4);
          setHovered((prev) =>
            prev?.sublayerId === pick?.sublayerId && prev?.index === pick?.index ? prev : pick && { sublayerId: pick.sublayerId, index: pick.index },
          );
          if (!latest.current.measuring) b.map.getCanvas().style.cursor = pick || overWorkspace ? 'pointer' : '';
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
      pick: (x: number, y: number) => pickAt(b.map, latest.current.data, x, y, 1),
      pickAll: (x: number, y: number) => pickAllAt(b.map, latest.current.data, x, y, 1),
      pickWorkspace: (x: number, y: number) => workspaceAt(x, y, 1),
    };
    window.__atlas = hook;
    // Exports and the presentation read the map on screen (see live-map.ts).
    setLiveMap({ map: b.map });
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
      deck.current = null;
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
  // The style is built once; a theme switched later (presentation's high contrast) repaints it,
  // with the halo, highlight and label layers above it.
  useEffect(() => {
    const map = bundle.current?.map;
    if (!mapReady || !map) return;
    applyBasemapTheme(map, theme);
    syncOverlayLayers(map, theme, basemap === 'atlas');
  }, [mapReady, theme, basemap]);

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

  const labels = useMemo(() => labelCollection(communes?.state === 'ok' ? communeLabels(communes.features) : []), [communes]);
  useEffect(() => {
    const map = bundle.current?.map;
    if (mapReady && map) syncSource(map, LABEL_SOURCE, labels);
  }, [mapReady, labels]);

  // Sources are (re)filled when data or theme change; a toggle only sets `visibility`.
  useEffect(() => {
    const map = bundle.current?.map;
    if (mapReady && map) syncThematic(map, data, theme, visibility);
  }, [mapReady, data, theme, visibility]);

  const hoveredFeature = featureAt(data, hovered);
  const selectedFeature = featureAt(data, selection) ?? props.extraSelected ?? null;
  const hoverData = useMemo(
    () => collection(hoveredFeature && hoveredFeature !== selectedFeature ? [hoveredFeature] : []),
    [hoveredFeature, selectedFeature],
  );
  const selectionData = useMemo(() => collection(selectedFeature ? [selectedFeature] : []), [selectedFeature]);
  const cardData = useMemo(() => collection(cardFeatures), [cardFeatures]);
  useEffect(() => {
    const map = bundle.current?.map;
    if (!mapReady || !map) return;
    syncSource(map, HOVER_SOURCE, hoverData);
    syncSource(map, SELECTION_SOURCE, selectionData);
    syncSource(map, CARD_SOURCE, cardData);
  }, [mapReady, hoverData, selectionData, cardData]);

  const { workspace } = props;
  useEffect(() => {
    const map = bundle.current?.map;
    if (mapReady && map) syncWorkspace(map, workspace ?? null);
  }, [mapReady, workspace]);

  // deck.gl is fetched the first time there is something for it to draw (the measure), then kept.
  const { extraLayers, measuring } = props;
  const [deckReady, setDeckReady] = useState(false);
  const deckLoading = useRef(false);
  useEffect(() => {
    const map = bundle.current?.map;
    if (!mapReady || !map || deck.current || deckLoading.current || !extraLayers?.length) return;
    deckLoading.current = true;
    // The map is not idle until deck.gl has arrived and drawn: idle means "what you asked is drawn".
    const busy = () => map.triggerRepaint();
    map.on('render', busy);
    busy();
    void createDeckOverlay(map, HIGHLIGHT_FIRST)
      .then((overlay) => {
        if (bundle.current?.map !== map) return;
        deck.current = overlay;
        // Drawn in the same frame chain, before the map may report idle; later changes go through the effect.
        overlay.setLayers(latest.current.extraLayers ?? []);
        setDeckReady(true);
      })
      .finally(() => map.off('render', busy));
  }, [mapReady, extraLayers]);
  useEffect(() => {
    if (deckReady) deck.current?.setLayers(extraLayers ?? []);
  }, [deckReady, extraLayers]);

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
  }, [mapReady, settled, data]);

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
      map.fitBounds(cameraRequest.bounds, { padding: fits ? padding : 40, maxZoom: 16, duration: cameraRequest.jump ? 0 : duration });
    } else if (cameraRequest.animate && duration > 0)
      map.flyTo({ center: cameraRequest.center, zoom: cameraRequest.zoom, duration: 1400, essential: true });
    else map.jumpTo({ center: cameraRequest.center, zoom: cameraRequest.zoom });
  }, [cameraRequest]);

  return <div ref={container} className="map" />;
}
