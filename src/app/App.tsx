// Application shell: loads the catalog, the data and the report cards, owns the view state
// (mirrored in the URL), and lays out header, side panel (layers | report tabs) and map, or the
// report cards as a full page without the map.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { bbox } from '@turf/turf';
import type { Bounds, Catalog } from '../../layers/types';
import { themeClair, themeContraste } from '../../layers/theme';
import { findSublayer } from '../../layers/index';
import { fetchCatalog } from '../core/data/catalog';
import { findCard, useCards } from './data/cards';
import { allSettled, useLayerData } from './data/useLayerData';
import { MapView, featureAt, type CameraRequest, type Insets } from './map/MapView';
import { DEFAULT_BASEMAP, type BasemapId } from '../core/map-style/basemaps';
import { formatHash, parseHash, writeHash, type Camera, type Selection, type UrlState } from './state/url-state';
import { readBasemapPreference, writeBasemapPreference } from './state/preferences';
import { isSublayerShown, visibilityFromUrl, visibilityToUrl, type Visibility } from './state/visibility';
import { cardFeatures, cardsOfFeature } from './cards/card-features';
import { CardBrowser } from './cards/CardBrowser';
import { LayerPanel } from './ui/LayerPanel';
import { FeaturePanel } from './ui/FeaturePanel';
import { Attribution } from './ui/Attribution';
import { BasemapPicker } from './ui/BasemapPicker';
import { Badge } from './ui/Badge';
import { PanelTabs } from './ui/PanelTabs';
import { SkipLinks } from './ui/SkipLink';
import { AppHeader } from './ui/AppHeader';
import { SheetHandle, type SheetSize } from './ui/SheetHandle';
import { useTableView } from './ui/useTableView';
import { useI18n } from './i18n';
import { AtlasSearch } from './search/AtlasSearch';
import type { SearchTarget } from './search/search-index';
import { AccessibilityPage } from './a11y/AccessibilityPage';
import { useVisibilityAnnouncer } from './a11y/useVisibilityAnnouncer';
import { usePageTitle } from './a11y/usePageTitle';
import { MAP_CANVAS_ID, MAP_HELP_ID } from './map/map-locale';
import { CardsPage } from './cards/CardsPage';
import { useCardFraming } from './cards/useCardFraming';
import { PresentToolbar } from './ui/PresentToolbar';
import { useLazyFeatures } from './state/useLazyFeatures';
import type { WorkspaceSelection } from './workbench/useWorkbench';
// Eager although src/present is not: the header's buttons and the print sheet's hiding must be
// styled from the first frame (CSS is not part of the JavaScript the map waits for).
import './present/present.css';

// Workbench and presentation code is downloaded when used (see src/state/useLazyFeatures.ts).
const WorkbenchMount = lazy(() => import('./workbench/WorkbenchMount'));
const PresentMount = lazy(() => import('./present/PresentMount'));
const loadWorkbenchPanel = () => import('./workbench/ui/WorkbenchPanel');
const WorkbenchPanel = lazy(loadWorkbenchPanel);
const FiguresPage = lazy(() => import('./figures/FiguresPage'));
const NO_LAYERS: never[] = [];

const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

type CatalogState = { status: 'chargement' } | { status: 'ok'; catalog: Catalog } | { status: 'erreur'; message: string };
type Tab = 'couches' | 'rapport' | 'atelier';

const narrowScreen = (): boolean => window.matchMedia('(max-width: 760px)').matches;

export function App() {
  const initialUrl = useMemo(() => parseHash(window.location.hash), []);
  const baseTheme = useMemo(() => (window.matchMedia('(prefers-contrast: more)').matches ? themeContraste : themeClair), []);
  const [catalogState, setCatalogState] = useState<CatalogState>({ status: 'chargement' });
  const [page, setPage] = useState<UrlState['page'] | null>(initialUrl.page ?? null);
  const { t, locale } = useI18n();
  const [table, setTable] = useState<string | null>(initialUrl.table ?? null);
  const [sheet, setSheet] = useState<SheetSize>('reduit');
  const viewBounds = useRef<Bounds | null>(null);
  // The full page needs no map data; once the map has been shown, its data stays loaded.
  const [dataWanted, setDataWanted] = useState(!initialUrl.page);
  const catalog = catalogState.status === 'ok' ? catalogState.catalog : null;
  const data = useLayerData(dataWanted ? catalog : null);
  const settled = allSettled(data);
  const cardsState = useCards();
  const [visibility, setVisibility] = useState<Visibility>(() => visibilityFromUrl(initialUrl));
  const [basemap, setBasemap] = useState<BasemapId>(() => initialUrl.basemap ?? readBasemapPreference());
  const [selection, setSelection] = useState<Selection | null>(initialUrl.selection ?? null);
  const [camera, setCamera] = useState<Camera | undefined>(initialUrl.camera);
  const [cameraRequest, setCameraRequest] = useState<CameraRequest | null>(null);
  const [panelOpen, setPanelOpen] = useState(() => !narrowScreen() || !!initialUrl.card);
  const [cardId, setCardId] = useState<string | null>(initialUrl.card ?? null);
  const [tab, setTab] = useState<Tab>(
    initialUrl.card ? 'rapport' : initialUrl.workspaceItem || initialUrl.workspaceSelection ? 'atelier' : 'couches',
  );
  // The workspace's part of the address; the workbench checks it against the workspace once read.
  const [openItemId, setOpenItemId] = useState<string | null>(initialUrl.workspaceItem ?? null);
  const [workspaceSelection, setWorkspaceSelection] = useState<WorkspaceSelection | null>(initialUrl.workspaceSelection ?? null);
  const [dragging, setDragging] = useState(false);
  const [stageSlot, setStageSlot] = useState<HTMLDivElement | null>(null);
  const lazyFeatures = useLazyFeatures(initialUrl, tab === 'atelier');
  // The workbench (src/workbench) and meetings and sharing (src/present), once loaded.
  const wb = lazyFeatures.workbench.current;
  const present = lazyFeatures.present;
  const theme = present.contrast ? themeContraste : baseTheme;
  const panel = useRef<HTMLElement>(null);
  // A card opened from a feature sheet takes the focus (the sheet closes); one from the address does not.
  const [cardFocus, setCardFocus] = useState(false);

  useEffect(() => {
    fetchCatalog().then(
      (c) => setCatalogState({ status: 'ok', catalog: c }),
      (error: unknown) => setCatalogState({ status: 'erreur', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  useEffect(() => {
    if (!page) setDataWanted(true);
  }, [page]);

  const urlState: UrlState = {
    camera,
    ...visibilityToUrl(visibility),
    basemap: basemap === DEFAULT_BASEMAP ? undefined : basemap,
    selection: selection ?? undefined,
    card: cardId ?? undefined,
    page: page ?? undefined,
    workspaceItem: openItemId ?? undefined,
    workspaceSelection: workspaceSelection ?? undefined,
    table: table ?? undefined,
    present: present.urlParams,
  };
  const hash = formatHash(urlState);
  // Keyed on the text of the hash: urlState is a new object every render.
  useEffect(() => writeHash(urlState), [hash]); // eslint-disable-line react-hooks/exhaustive-deps

  // A hash typed or pasted by the user (or a link between the map and the full page) applies without reloading.
  useEffect(() => {
    const onHashChange = () => {
      const url = parseHash(window.location.hash);
      setVisibility(visibilityFromUrl(url));
      if (url.basemap) setBasemap(url.basemap);
      setSelection(url.selection ?? null);
      setPage(url.page ?? null);
      setCardId(url.card ?? null);
      if (url.card) setTab('rapport');
      setOpenItemId(url.workspaceItem ?? null);
      setWorkspaceSelection(url.workspaceSelection ?? null);
      setTable(url.table ?? null);
      followAddressRef.current(url);
      // The map is re-created when it comes back: no stale move may replay then.
      if (url.page) setCameraRequest(null);
      else if (url.camera) setCameraRequest({ center: [url.camera.lon, url.camera.lat], zoom: url.camera.zoom, key: Date.now() });
      if (url.card && !url.camera) frameCardRef.current();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // The hash listener is registered once: it reaches the lazy features through this ref.
  const followAddressRef = useRef(lazyFeatures.followAddress);
  followAddressRef.current = lazyFeatures.followAddress;
  // One selection at a time: a thematic feature or a workspace feature.
  const selectThematic = useCallback(
    (next: Selection | null) => {
      setSelection(next);
      if (next) setWorkspaceSelection(null);
    },
    [setWorkspaceSelection],
  );
  const selectWorkspace = useCallback(
    (next: { itemId: string; index: number } | null) => {
      setWorkspaceSelection(next);
      if (next) setSelection(null);
    },
    [setWorkspaceSelection],
  );

  // A selection from the URL that names no feature of this build is dropped.
  const selectedFeature = featureAt(data, selection);
  useEffect(() => {
    if (settled && selection && !selectedFeature) setSelection(null);
  }, [settled, selection, selectedFeature]);

  // Likewise a card that this build does not have.
  const card = findCard(cardsState, cardId);
  useEffect(() => {
    if (cardsState.status === 'ok' && cardId && !card) setCardId(null);
  }, [cardsState, cardId, card]);

  useVisibilityAnnouncer(visibility, data, () => viewBounds.current ?? catalog?.territory.bounds ?? null);
  usePageTitle(page ?? null, card?.title);

  // The card's sublayers are shown while it is open (the user may hide them again afterwards).
  useEffect(() => {
    if (!card) return;
    setVisibility((v) => {
      const layers = new Set(v.layers);
      const sublayers = new Set(v.sublayers);
      for (const link of card.links) {
        const found = findSublayer(link.sublayer);
        if (!found) continue;
        layers.add(found.layer.id);
        sublayers.add(link.sublayer);
      }
      return layers.size === v.layers.size && sublayers.size === v.sublayers.size ? v : { layers, sublayers };
    });
  }, [card]);

  const linked = useMemo(() => cardFeatures(card, data), [card, data]);
  // A sublayer the reader hides again loses its halo too.
  const highlighted = useMemo(
    () =>
      linked
        .filter((l) => {
          const found = findSublayer(l.sublayerId);
          return !!found && isSublayerShown(visibility, found.layer.id, l.sublayerId);
        })
        .flatMap((l) => l.features),
    [linked, visibility],
  );

  /** Map edges covered by the side panel when it is a bottom sheet over the map (phones). */
  const panelInsets = useCallback((): Insets | undefined => {
    const el = panel.current;
    if (!el || el.hidden || !narrowScreen()) return undefined;
    return { top: 0, right: 0, left: 0, bottom: el.offsetHeight };
  }, []);

  const frameCard = useCardFraming({
    initially: !!initialUrl.card && !initialUrl.camera,
    mapShown: !page,
    cardsLoading: cardsState.status === 'chargement',
    card,
    settled,
    linked,
    insets: panelInsets,
    onCameraRequest: setCameraRequest,
  });
  // The hash listener is registered once: it reaches the framing through this ref.
  const frameCardRef = useRef(frameCard);
  frameCardRef.current = frameCard;

  const openCard = useCallback(
    (id: string) => {
      setCardId(id);
      setTab('rapport');
      setPanelOpen(true);
      frameCard();
    },
    [frameCard],
  );
  const openCardFromFeature = useCallback(
    (id: string) => {
      setSelection(null);
      setCardFocus(true);
      openCard(id);
    },
    [openCard],
  );
  const closeCard = useCallback(() => setCardId(null), []);

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
      selectThematic({ sublayerId, index });
      const [w, s, e, n] = bbox(feature);
      // The feature sheet opens over the map (top half on a phone, left column otherwise): frame beside it.
      const mapHeight = document.getElementById('carte')?.clientHeight ?? 0;
      const insets = narrowScreen() ? { top: Math.round(mapHeight / 2), right: 0, bottom: 0, left: 0 } : { top: 0, right: 0, bottom: 0, left: 372 };
      setCameraRequest({ bounds: [w, s, e, n], key: Date.now(), insets });
      if (narrowScreen()) setPanelOpen(false);
    },
    [data, selectThematic],
  );

  const closeFeature = useCallback(() => setSelection(null), []);
  const tableView = useTableView({ table, setTable, data, settled, selection, onShow: showFeature });
  // A search result: a card opens (on the page, or in the panel with the focus); a feature is framed and its sheet opens.
  const chooseResult = useCallback(
    (target: SearchTarget) => {
      if (target.kind === 'card') {
        if (page) {
          setPage('fiches');
          setCardId(target.cardId);
        } else openCardFromFeature(target.cardId);
        return;
      }
      if (page) setPage(null);
      showFeature(target.sublayerId, target.index);
    },
    [page, openCardFromFeature, showFeature],
  );
  const searchBox = <AtlasSearch data={data} cards={cardsState} onChoose={chooseResult} onFocus={() => setDataWanted(true)} />;
  const statementHref = formatHash({ ...urlState, page: 'accessibilite', selection: undefined, table: undefined });
  const selectedDef = selection ? findSublayer(selection.sublayerId) : undefined;
  const featureCards = useMemo(
    () =>
      cardsState.status === 'ok' && selection && selectedFeature ? cardsOfFeature(cardsState.file.cards, selection.sublayerId, selectedFeature) : [],
    [cardsState, selection, selectedFeature],
  );

  // Links between the two views: the map with a card open frames it (no camera in the address).
  const pageHref = formatHash({ ...urlState, page: 'fiches' }) || '#fiches';
  const mapHref = (id: string | null): string =>
    formatHash({ ...urlState, page: undefined, selection: undefined, card: id ?? undefined, camera: id ? undefined : camera }) || '#';

  // Fetched with the workbench, not after it: the tab shows its panel one download sooner.
  useEffect(() => {
    if (tab === 'atelier') void loadWorkbenchPanel();
  }, [tab]);

  const presentView = { urlState, catalog, cards: cardsState, visibility, basemap, theme, card, selection, workspaceItems: wb?.api.items ?? [] };
  // Mounted whatever the page, at the same place: the workspace and a presentation outlive a visit to the full page.
  const mounts = (
    <>
      {lazyFeatures.workbench.mounted && (
        <Suspense fallback={null}>
          <WorkbenchMount
            catalog={catalog}
            openItemId={openItemId}
            setOpenItemId={setOpenItemId}
            selection={workspaceSelection}
            setSelection={setWorkspaceSelection}
            onFrame={(bounds) => setCameraRequest({ bounds, key: Date.now(), onlyIfOutside: true })}
            dropped={lazyFeatures.workbench.dropped}
            onDroppedTaken={lazyFeatures.workbench.takeDropped}
            onReport={lazyFeatures.workbench.report}
          />
        </Suspense>
      )}
      {present.mounted && (
        <Suspense fallback={null}>
          <PresentMount
            initialUrl={{ ...initialUrl, present: present.urlParams }}
            cards={cardsState}
            catalog={catalog}
            workspace={lazyFeatures.workbench.workspace}
            onCameraRequest={setCameraRequest}
            dialog={present.dialog}
            setDialog={present.setDialog}
            view={presentView}
            stage={stageSlot}
            onReport={present.report}
          />
        </Suspense>
      )}
    </>
  );
  if (page === 'fiches')
    return (
      <>
        {mounts}
        <CardsPage
          state={cardsState}
          card={card}
          onOpen={setCardId}
          onClose={closeCard}
          mapHref={mapHref}
          search={searchBox}
          statementHref={statementHref}
        />
      </>
    );
  if (page === 'chiffres')
    return (
      <>
        {mounts}
        <Suspense fallback={null}>
          <FiguresPage state={cardsState} mapHref={mapHref(null)} search={searchBox} statementHref={statementHref} />
        </Suspense>
      </>
    );
  if (page === 'accessibilite')
    return (
      <>
        {mounts}
        <AccessibilityPage mapHref={mapHref(cardId)} search={searchBox} />
      </>
    );

  const layersTab = (
    <>
      <BasemapPicker value={basemap} onChange={chooseBasemap} />
      {catalog && (
        <LayerPanel
          catalog={catalog}
          data={data}
          theme={theme}
          visibility={visibility}
          onToggleLayer={toggleLayer}
          onToggleSublayer={toggleSublayer}
          onOpenTable={tableView.open}
        />
      )}
      {catalogState.status === 'chargement' && <Badge kind="chargement">{t('ui.app.loadingCatalog')}</Badge>}
    </>
  );
  const analysePicked = () => {
    setTab('atelier');
    setPanelOpen(true);
  };
  const workbenchLoading = <Badge kind="chargement">{t('ui.app.loadingWorkbench')}</Badge>;
  const workbenchTab = wb ? (
    <Suspense fallback={workbenchLoading}>
      <WorkbenchPanel
        api={wb.api}
        measure={wb.measure}
        mapCentre={() => (camera ? [camera.lon, camera.lat] : null)}
        openItemId={openItemId}
        onOpenItem={setOpenItemId}
        picked={wb.pickedSource(
          selection && selectedFeature && selectedDef ? { selection, feature: selectedFeature, def: selectedDef } : null,
          workspaceSelection && wb.selectedItem && wb.selectedFeature
            ? { selection: workspaceSelection, item: wb.selectedItem, feature: wb.selectedFeature }
            : null,
          locale,
        )}
        onFrame={(b) => setCameraRequest({ bounds: b, key: Date.now(), insets: panelInsets() })}
        onShowThematic={showFeature}
        onKeepMeasure={() => void wb.keepMeasure()}
      />
    </Suspense>
  ) : (
    workbenchLoading
  );
  // Files dropped on the map wait for the workbench if it is not there yet (WorkbenchMount imports them).
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (!files.length) return;
      setTab('atelier');
      setPanelOpen(true);
      lazyFeatures.workbench.drop(files);
    },
  };
  const reportTab = (
    <CardBrowser
      state={cardsState}
      card={card}
      onOpen={openCard}
      onClose={closeCard}
      linked={linked.map((l) => ({ sublayerId: l.sublayerId, count: l.features.length }))}
      onFrame={frameCard}
      pageHref={pageHref}
      focusOnOpen={cardFocus}
    />
  );

  return (
    <>
      {mounts}
      <div className="app">
        <SkipLinks
          label={t('a11y.skip.label')}
          links={[
            { target: 'recherche', label: t('a11y.skip.search') },
            { target: MAP_CANVAS_ID, label: t('a11y.skip.map') },
            { target: 'panneau', label: t('a11y.skip.panel'), prepare: () => setPanelOpen(true) },
          ]}
        />
        <AppHeader
          subtitle={t('app.subtitle')}
          search={searchBox}
          action={
            <>
              <PresentToolbar onOpen={present.setDialog} offline={present.afterStart} />
              <button
                type="button"
                className="panel-toggle"
                aria-expanded={panelOpen}
                aria-controls="panneau"
                onClick={() => setPanelOpen((o) => !o)}
              >
                {panelOpen ? t('ui.app.hidePanel') : t('ui.app.showPanel')}
              </button>
            </>
          }
        />
        <div className={`app-body${panelOpen ? ' panel-open' : ''}`}>
          <aside
            id="panneau"
            ref={panel}
            className={`side-panel sheet-${sheet}`}
            hidden={!panelOpen}
            aria-label={t('ui.app.panelLabel')}
            tabIndex={-1}
          >
            <SheetHandle
              size={sheet}
              onSize={setSheet}
              onClose={() => {
                setPanelOpen(false);
                // The handle disappears with the sheet: the focus goes to the button that opens it again.
                document.querySelector<HTMLElement>('.panel-toggle')?.focus();
              }}
            />
            <PanelTabs
              label={t('ui.app.tabsLabel')}
              active={tab}
              onChange={setTab}
              tabs={[
                { id: 'couches', label: t('ui.app.tab.layers'), content: layersTab },
                { id: 'rapport', label: t('ui.app.tab.report'), content: reportTab },
                { id: 'atelier', label: t('ui.app.tab.workbench'), content: workbenchTab },
              ]}
            />
            <p className="statement-link">
              <a href={statementHref}>{t('a11y.link')}</a>
            </p>
          </aside>
          {/* The presentation's slide panel, embed bar, notices and dialogs (PresentMount), in the map's layout. */}
          <div className="present-slot" ref={setStageSlot} />
          <main id="carte" className={`map-area${table ? ' with-table' : ''}`} tabIndex={-1} {...dropHandlers}>
            {dragging && (
              <div className="drop-overlay">
                <p>{t('ui.app.drop')}</p>
              </div>
            )}
            {catalog && (
              <MapView
                catalog={catalog}
                theme={theme}
                data={data}
                settled={settled}
                visibility={visibility}
                basemap={basemap}
                selection={selection}
                cardFeatures={highlighted}
                initialCamera={camera}
                cameraRequest={cameraRequest}
                onSelect={selectThematic}
                extraLayers={wb?.layers ?? NO_LAYERS}
                workspaceItemOf={wb?.itemIdFromDeckLayer}
                onSelectWorkspace={selectWorkspace}
                extraSelected={wb?.selectedFeature}
                measuring={!!wb?.measure.mode}
                onMeasureClick={wb?.measure.add}
                onCameraChange={(c, b) => {
                  setCamera(c);
                  viewBounds.current = b;
                }}
              />
            )}
            <p id={MAP_HELP_ID} className="visually-hidden">
              {t('ui.map.help')}
            </p>
            {tableView.view}
            {catalogState.status === 'erreur' && (
              <div className="fatal" role="alert">
                <h2>{t('ui.app.fatal')}</h2>
                <p>
                  {t('ui.app.reason')}
                  <span lang={locale === 'fr' ? undefined : 'fr'}>{catalogState.message}</span>
                </p>
              </div>
            )}
            {selection && selectedFeature && selectedDef && (
              <FeaturePanel
                feature={selectedFeature}
                layer={selectedDef.layer}
                sublayer={selectedDef.sublayer}
                cards={featureCards}
                onOpenCard={openCardFromFeature}
                onClose={closeFeature}
                actions={
                  <button type="button" className="link-button" onClick={analysePicked}>
                    {t('ui.app.bufferFeature')}
                  </button>
                }
              />
            )}
            {!selection && workspaceSelection && wb?.selectedItem && wb.selectedFeature && (
              <FeaturePanel
                feature={wb.selectedFeature}
                {...wb.workspaceDefinition(wb.selectedItem)}
                cards={[]}
                onOpenCard={openCardFromFeature}
                onClose={() => selectWorkspace(null)}
                actions={
                  <button type="button" className="link-button" onClick={analysePicked}>
                    {t('ui.app.bufferWorkspaceFeature')}
                  </button>
                }
              />
            )}
            {catalog && <Attribution catalog={catalog} visibility={visibility} basemap={basemap} />}
          </main>
        </div>
      </div>
    </>
  );
}
