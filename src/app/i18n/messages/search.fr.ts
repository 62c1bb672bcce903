// French messages of the header's search box.
export const search = {
  'search.label': 'Rechercher',
  'search.placeholder': 'Commune, lieu, fiche…',
  'search.help':
    'Communes, objets des couches et fiches du rapport. Flèches haut et bas pour parcourir les résultats, Entrée pour choisir, Échap pour fermer.',
  'search.resultsLabel': 'Résultats de la recherche',
  'search.results.one': '{n} résultat',
  'search.results.other': '{n} résultats',
  'search.none': 'Aucun résultat.',
  'search.loading': 'Aucun résultat pour l’instant : les données sont encore en cours de lecture.',
  'search.group': '{label} ({total})',
  'search.groupPartial': '{label} ({shown} sur {total})',
  'search.group.cards': 'Fiches du rapport',
} as const;
