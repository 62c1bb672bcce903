// The first view: what a first-time visitor sees, with no address and nothing remembered. The
// reasons are in docs/cartography.md (« La première vue »), which names the same ids; a unit test
// (tests/unit/cartography.test.ts) keeps the layers' `defaultVisible`, this list and the guide equal.

/** Layers on at the first visit, in panel order, with the sublayers each one shows. */
export const FIRST_VIEW: readonly { layer: string; sublayers: readonly string[] }[] = [
  // Context: where we are. Muted, it locates and does not tell.
  { layer: 'communes', sublayers: ['communes', 'territoire'] },
  // The subject: « du noir au vert », the Chaîne des Parcs on the mining past, linked by the EV5.
  { layer: 'ev5', sublayers: ['ev5-troncons'] },
  { layer: 'parcs', sublayers: ['parcs-espaces', 'parcs-terrils', 'parcs-cavaliers', 'parcs-cavaliers-unesco'] },
];

export const FIRST_VIEW_LAYERS: readonly string[] = FIRST_VIEW.map((f) => f.layer);
export const FIRST_VIEW_SUBLAYERS: readonly string[] = FIRST_VIEW.flatMap((f) => f.sublayers);
