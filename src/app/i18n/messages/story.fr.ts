// French messages of the story (#recit): the report read chapter by chapter, the map following.
export const story = {
  'story.subtitle': 'Le rapport en récit, chapitre par chapitre',
  'story.title': 'Le rapport de développement durable, en récit',
  'story.intro':
    'Chaque chapitre reprend une fiche du rapport, dans son ordre : ce qu’il dit, ses chiffres clés avec les mots exacts du rapport, et ce que la carte en montre. La carte suit la lecture ; le texte se lit aussi sans elle.',
  'story.nav': 'Chapitres du récit',
  'story.chapter': 'Chapitre {n} sur {total}',
  'story.figures': 'Chiffres clés',
  'story.figures.none': 'Le rapport ne donne pas de chiffre pour ce chapitre.',
  'story.onMap': 'Sur la carte',
  'story.onMap.none': 'Ce chapitre ne s’appuie sur aucune couche de la carte : la carte montre le territoire.',
  'story.openCard': 'Ouvrir la fiche sur la carte interactive',
  'story.next': 'Chapitre suivant : {title}',
  'story.mapLabel': 'Carte du chapitre « {title} » (illustration ; tout ce qu’elle montre est dit dans le texte)',
  'story.mapCaption': 'Carte : {layers}',
  'story.loading': 'Lecture des fiches du rapport…',
  'story.error': 'Les fiches du rapport n’ont pas pu être lues : ',
  'story.end': 'Fin du récit.',
  'story.entry': 'Lire le rapport en récit, chapitre par chapitre, la carte suivant la lecture',
} as const;
