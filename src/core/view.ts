// The vocabulary of a map view, shared by the address (app/state/url-state.ts), saved views and
// deck files (core/deck): where the camera is and which feature is selected.

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

/** A feature is named by its sublayer and its index in that sublayer's file. */
export interface Selection {
  sublayerId: string;
  index: number;
}
