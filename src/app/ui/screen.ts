// The layout switches to the phone layout (bottom sheet, full-width overlays) below this width.
export const NARROW_QUERY = '(max-width: 760px)';
export const narrowScreen = (): boolean => window.matchMedia(NARROW_QUERY).matches;
