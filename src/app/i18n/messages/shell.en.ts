// English messages of the header's folding (menu, search button) and of the map's compact credits.
import type { shell as fr } from './shell.fr';

export const shell: Record<keyof typeof fr, string> = {
  'shell.menu': 'Menu',
  'shell.search.open': 'Search',
  'shell.story.link': 'Story',
  'shell.attribution.open': 'Sources',
  'shell.attribution.close': 'Hide the sources',
  'shell.attribution.more': 'Every source of the atlas: « Layers » panel, at the bottom.',
  'shell.sources.title': 'Sources of every layer',
  'shell.sources.intro': 'Producer, vintage and licence of every source of the atlas; the map shows those of the visible layers only.',
  'shell.sources.basemaps': 'Online basemaps (when chosen):',
};
