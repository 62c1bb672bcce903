// Links of a view: the permalink (everything the address holds), the embed address and its
// <iframe> snippet, the full map from an embed. Pure: the page's location is passed in.
import { formatHash, type UrlState } from '../../state/url-state';
import { paramsFromRaw, paramsToRaw, type PresentParams } from '../url-params';

/** The page without its fragment: origin, path (the atlas may live in a sub-folder), query. */
export const pageBase = (location: Pick<Location, 'origin' | 'pathname' | 'search'>): string =>
  `${location.origin}${location.pathname}${location.search}`;

function withParams(state: UrlState, edit: (p: PresentParams) => PresentParams): UrlState {
  return { ...state, present: paramsToRaw(edit(paramsFromRaw(state.present))) };
}

export function permalink(state: UrlState, base: string): string {
  return `${base}${formatHash(state)}`;
}

/** Embedded: the same view, minimal chrome, no presentation running. */
export function embedLink(state: UrlState, base: string): string {
  return permalink(
    withParams(state, ({ deck: _d, slide: _s, sharedDeck: _j, ...rest }) => ({ ...rest, embed: true })),
    base,
  );
}

/** From an embed to the whole atlas, same view. */
export function fullMapLink(state: UrlState, base: string): string {
  return permalink(
    withParams(state, ({ embed: _e, ...rest }) => rest),
    base,
  );
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeSnippet(src: string, options: { width: number; height: number; title: string }): string {
  const width = Math.round(Math.min(Math.max(options.width, 200), 4000));
  const height = Math.round(Math.min(Math.max(options.height, 200), 4000));
  return `<iframe src="${attr(src)}" width="${width}" height="${height}" title="${attr(options.title)}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
}
