// French messages of the header's folding (menu, search button) and of the map's compact credits.
export const shell = {
  'shell.menu': 'Menu',
  'shell.search.open': 'Rechercher',
  'shell.story.link': 'Récit',
  'shell.attribution.open': 'Sources',
  'shell.attribution.close': 'Masquer les sources',
  'shell.attribution.more': 'Toutes les sources de l’atlas : panneau « Couches », en bas.',
  'shell.sources.title': 'Sources de toutes les couches',
  'shell.sources.intro': 'Producteur, millésime et licence de chaque source de l’atlas ; la carte n’affiche que celles des couches visibles.',
  'shell.sources.basemaps': 'Fonds de carte en ligne (s’ils sont choisis) :',
} as const;
