// View state <-> URL hash, so any view can be shared, bookmarked or restored on reload:
// #carte=zoom/lat/lon&couches=a,b&sous-couches=c,d&fond=osm&objet=sublayer/index&fiche=card
// A leading bare `fiches` flag asks for the full-page card list (no map): #fiches&fiche=ev5
// (`accessibilite` likewise for the accessibility statement, `chiffres` for the report's figures as a
// table, `recit` for the report read as a story: #recit&chapitre=ev5); tableau=<sublayer> opens its
// table view.
// Workspace items of this browser: espace=<item>&objet-espace=<item>/<index>
import type { Camera, Selection } from '../../core/view';
import { isBasemapId, type BasemapId } from '../../core/map-style/basemaps';

export type { Camera, Selection };

export interface UrlState {
  camera?: Camera;
  layers?: string[];
  sublayers?: string[];
  basemap?: BasemapId;
  selection?: Selection;
  /** Id of the open report card. */
  card?: string;
  /** 'fiches': the report cards as a full page, the map not shown; 'accessibilite': the accessibility statement; 'chiffres': the figures. */
  page?: (typeof PAGE_FLAGS)[number];
  /** Sublayer whose table view is open. */
  table?: string;
  /** Workspace item open in the workbench (an import or an analysis result of this browser). */
  workspaceItem?: string;
  /** A feature of a workspace item: item id and index in its file. */
  workspaceSelection?: { itemId: string; index: number };
  /** « Ma commune »: one INSEE code (#commune=62498) for its page, 2 to 4 (#communes=62498,62510) side by side. */
  communes?: string[];
  /** The story's current chapter (#recit&chapitre=<card id>). */
  chapter?: string;
  /** Presentation, embed and sharing parameters, kept raw here (typed by src/app/present/url-params.ts). */
  present?: Record<string, string>;
  /** Legend filter: sublayer id → the one class of it shown (#classe=cites/erbm,parcs-terrils/terril). */
  classes?: Record<string, string>;
}

const PRESENT_KEY_LIST = ['presentation', 'diapo', 'jeu', 'integration', 'importes'] as const;
const PRESENT_KEYS = new Set<string>(PRESENT_KEY_LIST);

/** Every `key=value` key of the address (tests generate addresses from this list). */
export const HASH_KEYS = [
  'carte',
  'couches',
  'sous-couches',
  'fond',
  'objet',
  'fiche',
  'espace',
  'objet-espace',
  'tableau',
  'commune',
  'communes',
  'chapitre',
  'classe',
  ...PRESENT_KEY_LIST,
] as const;
export type HashKey = (typeof HASH_KEYS)[number];
/** Bare flags that open a full page instead of the map. */
export const PAGE_FLAGS = ['fiches', 'accessibilite', 'chiffres', 'recit'] as const;

const ID = /^[a-z0-9-]+$/;
const INSEE = /^\d[\dAB]\d{3}$/;
const list = (value: string): string[] => value.split(',').filter((id) => ID.test(id));

/** "<id>/<index>" → parts, or null when either is malformed. */
function idAndIndex(value: string): { id: string; index: number } | null {
  const [id, index] = value.split('/');
  const n = index !== undefined && /^\d+$/.test(index) ? Number(index) : NaN;
  return id && ID.test(id) && Number.isInteger(n) && n >= 0 ? { id, index: n } : null;
}

/** "sublayer/class,sublayer/class" → a record (one class per sublayer, the last one wins), or null. */
function classFilterFromText(value: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [sublayer, cls, extra] = pair.split('/');
    if (extra === undefined && sublayer && cls && ID.test(sublayer) && ID.test(cls)) out[sublayer] = cls;
  }
  return Object.keys(out).length ? out : null;
}

export function parseHash(hash: string): UrlState {
  const state: UrlState = {};
  const text = hash.replace(/^#/, '');
  if (!text) return state;
  for (const part of text.split('&')) {
    const flag = PAGE_FLAGS.find((f) => f === part);
    if (flag) {
      state.page = flag;
      continue;
    }
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      continue;
    }
    if (key === 'carte') {
      // An empty part is not 0 (Number('') is): a cut link must not open the map in the Gulf of Guinea.
      const [zoom, lat, lon] = value.split('/').map((x) => (/^\s*-?\d+(\.\d+)?\s*$/.test(x) ? Number(x) : NaN));
      if ([zoom, lat, lon].every(Number.isFinite) && Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 22) {
        state.camera = { zoom, lat, lon };
      }
    } else if (key === 'couches') state.layers = list(value);
    else if (key === 'sous-couches') state.sublayers = list(value);
    else if (key === 'fond' && isBasemapId(value)) state.basemap = value;
    else if (key === 'objet') {
      const found = idAndIndex(value);
      if (found) state.selection = { sublayerId: found.id, index: found.index };
    } else if (key === 'fiche' && ID.test(value)) state.card = value;
    else if (key === 'espace' && ID.test(value)) state.workspaceItem = value;
    else if (key === 'chapitre' && ID.test(value)) state.chapter = value;
    else if (key === 'tableau' && ID.test(value)) state.table = value;
    else if (key === 'objet-espace') {
      const found = idAndIndex(value);
      if (found) state.workspaceSelection = { itemId: found.id, index: found.index };
    } else if (key === 'commune' || key === 'communes') {
      const codes = [...new Set(value.split(',').filter((c) => INSEE.test(c)))].slice(0, 4);
      if (codes.length > 0) state.communes = codes;
    } else if (key === 'classe') {
      const classes = classFilterFromText(value);
      if (classes) state.classes = classes;
    } else if (PRESENT_KEYS.has(key)) state.present = { ...state.present, [key]: value };
  }
  return state;
}

export function formatHash(state: UrlState): string {
  const parts: string[] = [];
  if (state.page) parts.push(state.page);
  if (state.camera) {
    const { zoom, lat, lon } = state.camera;
    parts.push(`carte=${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`);
  }
  if (state.layers) parts.push(`couches=${state.layers.join(',')}`);
  if (state.sublayers) parts.push(`sous-couches=${state.sublayers.join(',')}`);
  if (state.basemap) parts.push(`fond=${state.basemap}`);
  if (state.selection) parts.push(`objet=${state.selection.sublayerId}/${state.selection.index}`);
  if (state.card) parts.push(`fiche=${state.card}`);
  if (state.workspaceItem) parts.push(`espace=${state.workspaceItem}`);
  if (state.workspaceSelection) parts.push(`objet-espace=${state.workspaceSelection.itemId}/${state.workspaceSelection.index}`);
  // Per code point (u): an emoji cut into UTF-16 halves made encodeURIComponent throw and the page fail.
  for (const [key, value] of Object.entries(state.present ?? {})) parts.push(`${key}=${value.replace(/[^\w.,~-]/gu, encodeURIComponent)}`);
  if (state.table) parts.push(`tableau=${state.table}`);
  if (state.chapter) parts.push(`chapitre=${state.chapter}`);
  if (state.classes && Object.keys(state.classes).length)
    parts.push(
      `classe=${Object.entries(state.classes)
        .map(([s, c]) => `${s}/${c}`)
        .join(',')}`,
    );
  if (state.communes?.length) parts.push(`${state.communes.length === 1 ? 'commune' : 'communes'}=${state.communes.join(',')}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Rewrites the hash without adding a history entry per camera move. */
export function writeHash(state: UrlState): void {
  replaceHash(formatHash(state));
}

/** Puts a formatted hash in the address bar, without a history entry. */
export function replaceHash(hash: string): void {
  if (hash !== window.location.hash) {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
}
