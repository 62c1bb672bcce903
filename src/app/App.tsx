// Application shell: loads the catalog, the data and the report cards, owns the view state
// (mirrored in the address by useAddressSync), and lays out header, side panel (layers | report |
// workbench tabs) and map, or one of the full pages without the map (cards, accessibility).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Bounds } from '../../layers/types';
import { themeClair, themeContraste } from '../../layers/theme';
import { findSublayer } from '../../layers/index';
import { DEFAULT_BASEMAP, type BasemapId } from '../core/map-style/basemaps';
import { useCatalog } from './data/useCatalog';
import { useCards } from './data/cards';
import { allSettled, useLayerData } from './data/useLayerData';
import { MapView, featureAt, type CameraRequest } from './map/MapView';
import { formatHash, parseHash, type Camera, type UrlState } from './state/url-state';
import { readBasemapPreference, writeBasemapPreference } from './state/preferences';
import { useAddressSync } from './state/useAddressSync';
import { useSelection } from './state/useSelection';
import { useVisibilityState } from './state/useVisibilityState';
import { useLazyFeatures } from './state/useLazyFeatures';
import { useCardHighlight } from './cards/useCardHighlight';
import { CardBrowser } from './cards/CardBrowser';
import { FocusToggle } from './cards/FocusToggle';
import { useCardFraming } from './cards/useCardFraming';
import { Attribution } from './ui/Attribution';
import { CoordinatesReadout } from './gis/CoordinatesReadout';
import { MapLegend } from './ui/MapLegend';
import type { SheetSize } from './ui/SheetHandle';
import { useTableView } from './ui/useTableView';
import { narrowScreen } from './ui/screen';
import { featureFraming, sheetInsets } from './map/framing';
import { SidePanel, type Tab } from './layout/SidePanel';
import { SelectedFeatureSheet } from './layout/SelectedFeatureSheet';
import { loadWorkbenchPanel, WorkbenchTab } from './layout/WorkbenchTab';
import { LazyMounts } from './layout/LazyMounts';
import { MapArea } from './layout/MapArea';
import { FullPage } from './layout/FullPage';
import { LayersTab } from './layout/LayersTab';
import { ShellHeader } from './layout/ShellHeader';
import { AtlasSearch } from './search/AtlasSearch';
import type { SearchTarget } from './search/search-index';
import { useVisibilityAnnouncer } from './a11y/useVisibilityAnnouncer';
import { usePageTitle } from './a11y/usePageTitle';
import { useFileDrop } from './layout/useFileDrop';
// Eager although src/app/present is not: the header's buttons and the print sheet's hiding must be
// styled from the first frame (CSS is not part of the JavaScript the map waits for).
import './present/present.css';
import './present/dialogs.css';
import './present/presentation.css';
import './present/print.css';

const NO_LAYERS: never[] = [];

export function App() {
  const initialUrl = useMemo(() => parseHash(window.location.hash), []);
  const baseTheme = useMemo(() => (window.matchMedia('(prefers-contrast: more)').matches ? themeContraste : themeClair), []);
  const catalogState = useCatalog();
  const [page, setPage] = useState<UrlState['page'] | null>(initialUrl.page ?? null);
  const [communes, setCommunes] = useState<string[] | null>(initialUrl.communes ?? null);
  const [table, setTable] = useState<string | null>(initialUrl.table ?? null);
  const [sheet, setSheet] = useState<SheetSize>('reduit');
  const viewBounds = useRef<Bounds | null>(null);
  // The full page needs no map data; once the map has been shown, its data stays loaded.
  const [dataWanted, setDataWanted] = useState(!initialUrl.page || initialUrl.page === 'recit');
  const catalog = catalogState.status === 'ok' ? catalogState.catalog : null;
  const data = useLayerData(dataWanted ? catalog : null);
  const settled = allSettled(data);
  const cardsState = useCards();
  const [chapter, setChapter] = useState<string | null>(initialUrl.chapter ?? null);
  const [basemap, setBasemap] = useState<BasemapId>(() => initialUrl.basemap ?? readBasemapPreference());
  const [camera, setCamera] = useState<Camera | undefined>(initialUrl.camera);
  const [cameraRequest, setCameraRequest] = useState<CameraRequest | null>(null);
  const [panelOpen, setPanelOpen] = useState(() => !narrowScreen() || !!initialUrl.card);
  const [tab, setTab] = useState<Tab>(
    initialUrl.card ? 'rapport' : initialUrl.workspaceItem || initialUrl.workspaceSelection ? 'atelier' : 'couches',
  );
  // The workspace's part of the address; the workbench checks it against the workspace once read.
  const [openItemId, setOpenItemId] = useState<string | null>(initialUrl.workspaceItem ?? null);
  const { selection, selectedFeature, workspaceSelection, setWorkspaceSelection, selectThematic, selectWorkspace, ...selecting } = useSelection(
    initialUrl,
    data,
    settled,
  );
  const [stageSlot, setStageSlot] = useState<HTMLDivElement | null>(null);
  const lazyFeatures = useLazyFeatures(initialUrl, tab === 'atelier');
  // The workbench and meetings and sharing, once loaded.
  const wb = lazyFeatures.workbench.current;
  const present = lazyFeatures.present;
  const presenting = !!present.urlParams.presentation;
  // The open card and the layers go together: a card opens in focus (src/app/state/useVisibilityState.ts).
  const {
    card,
    cardId,
    setCardId,
    visibility,
    address,
    focus,
    toggleLayer,
    toggleSublayer,
    showSublayer,
    toggleClass,
    followAddress: followVisibility,
  } = useVisibilityState(initialUrl, cardsState, presenting);
  const theme = present.contrast ? themeContraste : baseTheme;
  const panel = useRef<HTMLElement>(null);
  // A card opened from a feature sheet takes the focus (the sheet closes); one from the address does not.
  const [cardFocus, setCardFocus] = useState(false);

  // Leaving a full page for the map loads the map's data.
  if ((!page || page === 'recit') && !dataWanted) setDataWanted(true);

  const urlState: UrlState = {
    camera,
    ...address,
    basemap: basemap === DEFAULT_BASEMAP ? undefined : basemap,
    selection: selection ?? undefined,
    card: cardId ?? undefined,
    page: page ?? undefined,
    workspaceItem: openItemId ?? undefined,
    workspaceSelection: workspaceSelection ?? undefined,
    table: table ?? undefined,
    present: present.urlParams,
    communes: communes ?? undefined,
    chapter: page === 'recit' ? (chapter ?? undefined) : undefined,
  };
  // A hash typed or pasted by the user (or a link between the map and a full page) applies without reloading.
  useAddressSync(urlState, (url) => {
    followVisibility(url);
    if (url.basemap) setBasemap(url.basemap);
    selecting.followAddress(url);
    setPage(url.page ?? null);
    setCommunes(url.communes ?? null);
    setChapter(url.chapter ?? null);
    if (url.card) setTab('rapport');
    setOpenItemId(url.workspaceItem ?? null);
    setTable(url.table ?? null);
    lazyFeatures.followAddress(url);
    // The map is re-created when it comes back: no stale move may replay then.
    if (url.page) setCameraRequest(null);
    else if (url.camera) setCameraRequest({ center: [url.camera.lon, url.camera.lat], zoom: url.camera.zoom, key: Date.now() });
    if (url.card && !url.camera) frameCard();
  });

  // A card from the address that this build does not have is dropped.
  if (cardsState.status === 'ok' && cardId && !card) setCardId(null);

  useVisibilityAnnouncer(visibility, data, () => viewBounds.current ?? catalog?.territory.bounds ?? null);
  usePageTitle(page ?? null, card?.title);

  const { linked, highlighted } = useCardHighlight(card, data, visibility);

  /** Map edges covered by the side panel when it is a bottom sheet over the map (phones). */
  const panelInsets = useCallback(() => sheetInsets(panel.current), []);

  const frameCard = useCardFraming({
    initially: !!initialUrl.card && !initialUrl.camera,
    mapShown: !page,
    cardsLoading: cardsState.status === 'chargement',
    card,
    settled,
    linked,
    fallback: catalog?.territory.bounds ?? null,
    insets: panelInsets,
    onCameraRequest: setCameraRequest,
  });

  const openCard = useCallback(
    (id: string) => {
      setCardId(id);
      setTab('rapport');
      setPanelOpen(true);
      frameCard();
    },
    [frameCard, setCardId],
  );
  const openCardFromFeature = useCallback(
    (id: string) => {
      selectThematic(null);
      setCardFocus(true);
      openCard(id);
    },
    [openCard, selectThematic],
  );
  const closeCard = useCallback(() => setCardId(null), [setCardId]);

  const chooseBasemap = useCallback((id: BasemapId) => {
    setBasemap(id);
    writeBasemapPreference(id);
  }, []);

  const showFeature = useCallback(
    (sublayerId: string, index: number) => {
      const found = findSublayer(sublayerId);
      const feature = featureAt(data, { sublayerId, index });
      if (!found || !feature) return;
      showSublayer(found.layer.id, sublayerId);
      selectThematic({ sublayerId, index });
      // The feature sheet opens over the map: frame beside it.
      setCameraRequest({ ...featureFraming(feature), key: Date.now() });
      if (narrowScreen()) setPanelOpen(false);
    },
    [data, selectThematic, showSublayer],
  );

  const tableView = useTableView({ table, setTable, data, settled, selection, onShow: showFeature });
  // A search result: a card opens (on the page, or in the panel with the focus); a feature is framed and its sheet opens.
  const chooseResult = useCallback(
    (target: SearchTarget) => {
      setCommunes(target.kind === 'commune' ? [target.code] : null);
      if (target.kind === 'commune') return;
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
    [page, openCardFromFeature, showFeature, setCardId],
  );
  const searchBox = <AtlasSearch data={data} cards={cardsState} onChoose={chooseResult} onFocus={() => setDataWanted(true)} />;
  const statementHref = formatHash({ ...urlState, page: 'accessibilite', selection: undefined, table: undefined });

  // Links between the two views: the map with a card open frames it (no camera in the address).
  const pageHref = formatHash({ ...urlState, page: 'fiches' }) || '#fiches';
  const mapHref = (id: string | null): string =>
    formatHash({ ...urlState, page: undefined, chapter: undefined, selection: undefined, card: id ?? undefined, camera: id ? undefined : camera }) ||
    '#';

  const toWorkbench = useCallback(() => {
    setTab('atelier');
    setPanelOpen(true);
  }, []);
  // Files dropped on the map wait for the workbench if it is not there yet (WorkbenchMount imports them).
  const dropFiles = lazyFeatures.workbench.drop;
  const drop = useFileDrop((files) => {
    toWorkbench();
    dropFiles(files);
  });

  // Fetched with the workbench, not after it: the tab shows its panel one download sooner.
  useEffect(() => {
    if (tab === 'atelier') void loadWorkbenchPanel();
  }, [tab]);

  const mounts = (
    <LazyMounts
      features={lazyFeatures}
      workbench={{
        catalog,
        openItemId,
        setOpenItemId,
        selection: workspaceSelection,
        setSelection: setWorkspaceSelection,
        // A jump: a 600 ms flight delayed a big import's first tiles by about a second (bench §5).
        onFrame: (bounds) => setCameraRequest({ bounds, key: Date.now(), onlyIfOutside: true, jump: true }),
      }}
      present={{
        initialUrl: { ...initialUrl, present: present.urlParams },
        cards: cardsState,
        catalog,
        onCameraRequest: setCameraRequest,
        view: { urlState, catalog, cards: cardsState, visibility, basemap, theme, card, selection, workspaceItems: wb?.api.items ?? [] },
        stage: stageSlot,
      }}
    />
  );
  if (communes || page)
    return (
      <>
        {mounts}
        <FullPage
          page={page}
          communes={
            communes && {
              codes: communes,
              catalog,
              data,
              theme,
              search: searchBox,
              mapHref: formatHash({ ...urlState, communes: undefined }) || '#',
            }
          }
          cards={{ state: cardsState, card, onOpen: setCardId, onClose: closeCard, mapHref, search: searchBox, statementHref }}
          mapHref={mapHref}
          cardId={cardId}
          story={{ cards: cardsState, catalog, data, settled, theme, chapter, onChapter: setChapter }}
        />
      </>
    );

  const panelContent = {
    couches: (
      <LayersTab
        basemap={basemap}
        onBasemap={chooseBasemap}
        catalogState={catalogState}
        data={data}
        theme={theme}
        visibility={visibility}
        onToggleLayer={toggleLayer}
        onToggleSublayer={toggleSublayer}
        onOpenTable={tableView.open}
      />
    ),
    rapport: (
      <CardBrowser
        state={cardsState}
        card={card}
        onOpen={openCard}
        onClose={closeCard}
        linked={linked.map((l) => ({ sublayerId: l.sublayerId, count: l.features.length }))}
        onFrame={frameCard}
        pageHref={pageHref}
        focusOnOpen={cardFocus}
        focus={<FocusToggle focus={focus} />}
      />
    ),
    atelier: (
      <WorkbenchTab
        workbench={wb ?? undefined}
        camera={camera}
        openItemId={openItemId}
        onOpenItem={setOpenItemId}
        selection={selection}
        selectedFeature={selectedFeature}
        workspaceSelection={workspaceSelection}
        onFrame={(b) => setCameraRequest({ bounds: b, key: Date.now(), insets: panelInsets() })}
        onShowThematic={showFeature}
      />
    ),
  };
  return (
    <>
      {mounts}
      <div className="app">
        <ShellHeader
          search={searchBox}
          panelOpen={panelOpen}
          setPanelOpen={setPanelOpen}
          present={{ onOpen: present.setDialog, offline: present.afterStart }}
        />
        <div className={`app-body${panelOpen ? ' panel-open' : ''}`}>
          <SidePanel
            ref={panel}
            open={panelOpen}
            size={sheet}
            onSize={setSheet}
            onClose={() => setPanelOpen(false)}
            tab={tab}
            onTab={setTab}
            content={panelContent}
            statementHref={statementHref}
          />
          {/* The presentation's slide panel, embed bar, notices and dialogs (PresentMount), in the map's layout. */}
          <div className="present-slot" ref={setStageSlot} />
          <MapArea
            withTable={!!table}
            drop={drop}
            catalogError={catalogState.status === 'erreur' ? catalogState.message : null}
            map={
              catalog && (
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
                  workspace={wb?.workspace}
                  workspaceItemOf={wb?.itemIdFromLayer}
                  onSelectWorkspace={selectWorkspace}
                  extraSelected={wb?.selectedFeature}
                  measuring={!!wb?.measure.mode}
                  onMeasureClick={wb?.measure.add}
                  onCameraChange={(c, b) => {
                    setCamera(c);
                    viewBounds.current = b;
                  }}
                />
              )
            }
          >
            {tableView.view}
            <SelectedFeatureSheet
              selection={selection}
              feature={selectedFeature}
              cards={cardsState}
              workspaceSelection={workspaceSelection}
              workbench={wb ?? undefined}
              onCloseThematic={() => selectThematic(null)}
              onCloseWorkspace={() => selectWorkspace(null)}
              onOpenCard={openCardFromFeature}
              onAnalyse={toWorkbench}
            />
            {catalog && (
              <MapLegend
                catalog={catalog}
                visibility={visibility}
                theme={theme}
                onToggleClass={toggleClass}
                presenting={presenting}
                focus={<FocusToggle focus={focus} compact />}
                workspaceItems={wb?.api.items}
              />
            )}
            {catalog && <Attribution catalog={catalog} visibility={visibility} basemap={basemap} />}
            <CoordinatesReadout />
          </MapArea>
        </div>
      </div>
    </>
  );
}
