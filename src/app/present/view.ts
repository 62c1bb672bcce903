// What the presentation, sharing and export features read from the app shell: the view on screen.
import type { BuiltCard } from '../../../layers/cards';
import type { Catalog, Theme } from '../../../layers/types';
import type { CardsState } from '../data/cards';
import type { BasemapId } from '../../core/map-style/basemaps';
import type { Selection, UrlState } from '../state/url-state';
import type { Visibility } from '../state/visibility';
import type { WorkspaceItem } from '../../core/types';

export interface PresentView {
  /** The address's state as the app writes it (presentation parameters included). */
  urlState: UrlState;
  catalog: Catalog | null;
  cards: CardsState;
  visibility: Visibility;
  basemap: BasemapId;
  theme: Theme;
  card: BuiltCard | null;
  selection: Selection | null;
  workspaceItems: WorkspaceItem[];
}
