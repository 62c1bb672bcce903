// French messages for accessibility: skip links, live announcements, and the accessibility statement.
export const a11y = {
  'a11y.skip.label': 'Liens d’évitement',
  'a11y.skip.search': 'Aller à la recherche',
  'a11y.skip.map': 'Aller à la carte',
  'a11y.skip.panel': 'Aller au panneau des couches',
  'a11y.skip.content': 'Aller au contenu',
  'a11y.link': 'Accessibilité : partiellement conforme',

  'a11y.layerShown': 'Couche « {title} » affichée',
  'a11y.layerHidden': 'Couche « {title} » masquée',
  'a11y.sublayerShown': 'Sous-couche « {title} » affichée',
  'a11y.sublayerHidden': 'Sous-couche « {title} » masquée',
  'a11y.visibleCount.one': '{n} entité visible',
  'a11y.visibleCount.other': '{n} entités visibles',

  'a11y.page.title': 'Déclaration d’accessibilité',
  'a11y.page.subtitle': 'Déclaration d’accessibilité',
  'a11y.page.intro':
    'La Communauté d’Agglomération de Lens-Liévin s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à l’Atlas Lens-Liévin.',
  'a11y.page.date': 'Déclaration établie le {date}, à partir des vérifications décrites ci-dessus.',
  'a11y.status.title': 'État de conformité',
  'a11y.status.text':
    'L’Atlas Lens-Liévin est partiellement conforme au référentiel général d’amélioration de l’accessibilité (RGAA 4.1), qui reprend les critères des WCAG 2.1 de niveau AA, en raison des limites listées plus bas.',
  'a11y.status.audit':
    'Aucun audit complet du RGAA n’a encore été réalisé par un organisme indépendant : les vérifications décrites ici ont été faites par l’équipe qui développe l’atlas.',
  'a11y.checked.title': 'Ce qui a été vérifié, et comment',
  'a11y.checked.axeTitle': 'Tests automatiques (axe-core)',
  'a11y.checked.axe':
    'Les tests du navigateur exécutent axe-core {version} (règles des catégories {tags}) dans {browser}, sur chacune des vues suivantes, en français et en anglais :',
  'a11y.checked.axeResult':
    'Résultat : aucune violation sur ces vues. axe-core ne détecte qu’une partie des problèmes : les vérifications qui suivent complètent ce contrôle.',
  'a11y.checked.keyboardTitle': 'Clavier',
  'a11y.checked.keyboard':
    'Des tests automatiques pilotent l’atlas uniquement au clavier et vérifient, à chaque étape, où se trouve le focus et ce qui est annoncé :',
  'a11y.keyboard.skip': 'liens d’évitement vers la recherche, la carte et le panneau, premiers dans l’ordre de tabulation ;',
  'a11y.keyboard.search':
    'recherche (liste déroulante de suggestions) : saisie sans accents (« lievin » trouve Liévin), flèches, Entrée, Échap ; le nombre de résultats est annoncé ; le résultat choisi est cadré et sa fiche s’ouvre ;',
  'a11y.keyboard.tabs': 'onglets du panneau (Couches, Rapport, Atelier) : flèches gauche et droite, Début, Fin ;',
  'a11y.keyboard.table':
    'tableau de chaque couche : tri par colonne (état annoncé par aria-sort), filtre, et le nom de chaque objet sélectionne l’objet sur la carte et le cadre ;',
  'a11y.keyboard.feature': 'fiche d’un objet : le focus va à son titre à l’ouverture, Échap la ferme et rend le focus à l’élément d’origine ;',
  'a11y.keyboard.card': 'fiche du rapport : ouverture depuis la liste ou la recherche, retour à la liste avec le focus sur la fiche quittée ;',
  'a11y.keyboard.workbench': 'atelier : mesure d’une distance ou d’une surface sans souris, en ajoutant le centre de la carte.',
  'a11y.checked.srTitle': 'Lecteurs d’écran',
  'a11y.checked.sr':
    'Aucun test n’a encore été fait avec un lecteur d’écran (NVDA, JAWS, VoiceOver, TalkBack). Les tests contrôlent l’arbre d’accessibilité de Chromium : rôles et noms accessibles des boutons, onglets, cases, options de la recherche, états (aria-selected, aria-expanded, aria-sort, aria-pressed), langue des contenus restés en français, et texte de la zone d’annonces (par exemple « 412 entités visibles » quand on affiche une couche).',
  'a11y.checked.layoutTitle': 'Petits écrans, zoom, contrastes, animations',
  'a11y.checked.layout':
    'Les tests ouvrent l’atlas à 320 × 640 et 360 × 740 pixels (ce qui équivaut à un zoom de 400 % et de 200 % et plus sur un écran d’ordinateur) : pas de défilement horizontal de la page, panneau en volet inférieur qui laisse voir la carte, cibles tactiles d’au moins 44 × 44 pixels, recherche d’une commune, affichage d’une couche, lecture d’une fiche et des informations d’un objet. Les contrastes des textes (au moins 4,5:1) sont contrôlés par axe-core ; chaque classe de légende a un motif, un tiret ou une forme en plus de sa couleur. Les déplacements animés de la carte sont supprimés quand le système demande moins d’animations.',
  'a11y.limits.title': 'Limites connues',
  'a11y.limits.map':
    'La carte elle-même est une image (WebGL) : un lecteur d’écran n’en lit pas le contenu. Son équivalent textuel est le tableau de chaque couche, et la fiche de l’objet choisi.',
  'a11y.limits.tiles': 'Les fonds de carte en ligne (Plan IGN, OpenStreetMap) sont des images de tuiles dont les noms de lieux ne sont pas du texte.',
  'a11y.limits.french':
    'En anglais, le contenu du rapport (titres des fiches, citations, libellés des chiffres), les noms et valeurs des objets, certaines notes du catalogue des données, les messages de l’outil d’import de l’atelier et les messages d’erreur de chargement des données restent en français ; ils sont marqués comme tels (attribut lang) pour que les synthèses vocales les prononcent correctement.',
  'a11y.limits.symbols':
    'Le contraste des symboles dessinés sur la carte (traits, aplats) n’est pas mesuré par axe-core ; les classes de légende se distinguent aussi par un motif ou une forme.',
  'a11y.limits.sr': 'L’atlas n’a pas encore été testé avec un lecteur d’écran ni par des personnes en situation de handicap.',
  'a11y.limits.dragDrop':
    'Le dépôt de fichiers sur la carte (atelier) se fait à la souris ; le bouton « Choisir des fichiers… » offre la même fonction au clavier.',
  'a11y.tech.title': 'Technologies utilisées',
  'a11y.tech.text': 'HTML, CSS, JavaScript (React), SVG, WebGL (MapLibre GL JS et deck.gl), WAI-ARIA.',
  'a11y.contact.title': 'Retour d’information et contact',
  'a11y.contact.text':
    'Si vous n’arrivez pas à accéder à un contenu ou à un service de l’atlas, contactez la Communauté d’Agglomération de Lens-Liévin (site agglo-lenslievin.fr) pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
  'a11y.remedy.title': 'Voies de recours',
  'a11y.remedy.text':
    'Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
  'a11y.remedy.form': 'écrire au Défenseur des droits par son formulaire en ligne',
  'a11y.remedy.delegate': 'contacter le délégué du Défenseur des droits dans votre région ;',
  'a11y.remedy.mail': 'envoyer un courrier (gratuit, sans timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',

  'a11y.view.map': 'la carte avec le panneau des couches ;',
  'a11y.view.feature': 'la fiche d’un objet ouverte sur la carte ;',
  'a11y.view.card': 'une fiche du rapport ouverte dans le panneau ;',
  'a11y.view.cardsPage': 'la liste des fiches en pleine page ;',
  'a11y.view.table': 'le tableau des objets d’une couche ;',
  'a11y.view.workbench': 'l’atelier (onglet de l’aménageur) ;',
  'a11y.view.search': 'la recherche avec sa liste de résultats ouverte ;',
  'a11y.view.statement': 'cette déclaration ;',
  'a11y.view.mobile': 'la carte, le panneau et une fiche sur un écran de téléphone de 320 pixels de large (en français).',
} as const;
