// Application shell: loads the catalog and the data, owns the view state (mirrored in the URL),
// and lays out header, side panel and map.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { bbox } from '@turf/turf';
import type { Catalog } from '../layers/types';
import { themeClair, themeContraste } from '../layers/theme';
import { findSublayer } from '../layers/index';
import { fetchCatalog } from './data/catalog';
import { allSettled, useLayerData } from './data/useLayerData';
import { MapView, featureAt, type CameraRequest } from './map/MapView';
import { DEFAULT_BASEMAP, type BasemapId } from './map/basemaps';
import { parseHash, writeHash, type Camera, type Selection } from './state/url-state';
import { readBasemapPreference, writeBasemapPreference } from './state/preferences';
import { visibilityFromUrl, visibilityToUrl, type Visibility } from './state/visibility';
import { LayerPanel } from './ui/LayerPanel';
import { FeaturePanel } from './ui/FeaturePanel';
import { Attribution } from './ui/Attribution';
import { BasemapPicker } from './ui/BasemapPicker';
import { Badge } from './ui/Badge';

type CatalogState = { status: 'chargement' } | { status: 'ok'; catalog: Catalog } | { status: 'erreur'; message: string };

const narrowScreen = (): boolean => window.matchMedia('(max-width: 760px)').matches;

export function App() {
  const initialUrl = useMemo(() => parseHash(window.location.hash), []);
  const theme = useMemo(() => (window.matchMedia('(prefers-contrast: more)').matches ? themeContraste : themeClair), []);
  const [catalogState, setCatalogState] = useState<CatalogState>({ status: 'chargement' });
  const catalog = catalogState.status === 'ok' ? catalogState.catalog : null;
  const data = useLayerData(catalog);
  const settled = allSettled(data);
  const [visibility, setVisibility] = useState<Visibility>(() => visibilityFromUrl(initialUrl));
  const [basemap, setBasemap] = useState<BasemapId>(() => initialUrl.basemap ?? readBasemapPreference());
  const [selection, setSelection] = useState<Selection | null>(initialUrl.selection ?? null);
  const [camera, setCamera] = useState<Camera | undefined>(initialUrl.camera);
  const [cameraRequest, setCameraRequest] = useState<CameraRequest | null>(null);
  const [panelOpen, setPanelOpen] = useState(() => !narrowScreen());

  useEffect(() => {
    fetchCatalog().then(
      (c) => setCatalogState({ status: 'ok', catalog: c }),
      (error: unknown) => setCatalogState({ status: 'erreur', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  useEffect(() => {
    writeHash({ camera, ...visibilityToUrl(visibility), basemap: basemap === DEFAULT_BASEMAP ? undefined : basemap, selection: selection ?? undefined });
  }, [camera, visibility, basemap, selection]);

  // A hash typed or pasted by the user applies without reloading.
  useEffect(() => {
    const onHashChange = () => {
      const url = parseHash(window.location.hash);
      setVisibility(visibilityFromUrl(url));
      if (url.basemap) setBasemap(url.basemap);
      setSelection(url.selection ?? null);
      if (url.camera) setCameraRequest({ center: [url.camera.lon, url.camera.lat], zoom: url.camera.zoom, key: Date.now() });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // A selection from the URL that names no feature of this build is dropped.
  const selectedFeature = featureAt(data, selection);
  useEffect(() => {
    if (settled && selection && !selectedFeature) setSelection(null);
  }, [settled, selection, selectedFeature]);

  const chooseBasemap = useCallback((id: BasemapId) => {
    setBasemap(id);
    writeBasemapPreference(id);
  }, []);

  const toggleLayer = useCallback((layerId: string, on: boolean) => {
    setVisibility((v) => {
      const layers = new Set(v.layers);
      if (on) layers.add(layerId);
      else layers.delete(layerId);
      return { ...v, layers };
    });
  }, []);

  const toggleSublayer = useCallback((sublayerId: string, on: boolean) => {
    setVisibility((v) => {
      const sublayers = new Set(v.sublayers);
      if (on) sublayers.add(sublayerId);
      else sublayers.delete(sublayerId);
      return { ...v, sublayers };
    });
  }, []);

  const showFeature = useCallback(
    (sublayerId: string, index: number) => {
      const found = findSublayer(sublayerId);
      const feature = featureAt(data, { sublayerId, index });
      if (!found || !feature) return;
      setVisibility((v) => ({ layers: new Set(v.layers).add(found.layer.id), sublayers: new Set(v.sublayers).add(sublayerId) }));
      setSelection({ sublayerId, index });
      const [w, s, e, n] = bbox(feature);
      setCameraRequest({ bounds: [w, s, e, n], key: Date.now() });
      if (narrowScreen()) setPanelOpen(false);
    },
    [data],
  );

  const closeFeature = useCallback(() => setSelection(null), []);
  const selectedDef = selection ? findSublayer(selection.sublayerId) : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#carte">Aller à la carte</a>
      <header className="app-header">
        <h1>Atlas Lens-Liévin</h1>
        <p className="subtitle">Communauté d'Agglomération de Lens-Liévin · 36 communes</p>
        <button type="button" className="panel-toggle" aria-expanded={panelOpen} aria-controls="panneau" onClick={() => setPanelOpen((o) => !o)}>
          {panelOpen ? 'Masquer les couches' : 'Couches et légende'}
        </button>
      </header>
      <div className={`app-body${panelOpen ? ' panel-open' : ''}`}>
        <aside id="panneau" className="side-panel" hidden={!panelOpen} aria-label="Couches, légende et fond de carte">
          <BasemapPicker value={basemap} onChange={chooseBasemap} />
          {catalog && (
            <LayerPanel
              catalog={catalog}
              data={data}
              theme={theme}
              visibility={visibility}
              onToggleLayer={toggleLayer}
              onToggleSublayer={toggleSublayer}
              onShowFeature={showFeature}
            />
          )}
          {catalogState.status === 'chargement' && <Badge kind="chargement">lecture du catalogue…</Badge>}
        </aside>
        <main id="carte" className="map-area" tabIndex={-1}>
          {catalog && (
            <MapView
              catalog={catalog}
              theme={theme}
              data={data}
              settled={settled}
              visibility={visibility}
              basemap={basemap}
              selection={selection}
              initialCamera={initialUrl.camera}
              cameraRequest={cameraRequest}
              onSelect={setSelection}
              onCameraChange={setCamera}
            />
          )}
          {catalogState.status === 'erreur' && (
            <div className="fatal" role="alert">
              <h2>Les données de l'atlas n'ont pas pu être chargées</h2>
              <p>Raison : {catalogState.message}</p>
            </div>
          )}
          {selection && selectedFeature && selectedDef && (
            <FeaturePanel feature={selectedFeature} layer={selectedDef.layer} sublayer={selectedDef.sublayer} onClose={closeFeature} />
          )}
          {catalog && <Attribution catalog={catalog} visibility={visibility} basemap={basemap} />}
        </main>
      </div>
    </div>
  );
}
