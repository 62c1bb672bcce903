// French messages of the card focus and of the legend over the map (its class filter).
export const focus = {
  'focus.onlyCard': 'La carte ne montre que les couches de cette fiche.',
  'focus.allShown': 'La carte montre aussi vos autres couches.',
  'focus.showAll': 'Afficher toutes les couches',
  'focus.onlyCardButton': 'Ne montrer que les couches de la fiche',
  'focus.legend.title': 'Légende',
  'focus.legend.region': 'Légende de la carte',
  'focus.legend.toggle': 'Légende',
  'focus.legend.empty': 'Aucune couche affichée.',
  'focus.legend.filterHelp': 'Cliquez une classe pour n’afficher qu’elle.',
  'focus.legend.onlyClass': 'N’afficher que « {label} » ({sublayer})',
  'focus.legend.filtered': 'Filtre : seulement « {label} »',
  'focus.legend.clear': 'Tout afficher',
  'focus.legend.clearOne': 'Tout afficher de « {sublayer} »',
} as const;
