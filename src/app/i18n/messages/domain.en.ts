// English glossary of domain content, keyed by the French text as written in layers/*.ts, in
// layers/cards.ts (finalités) and in the catalog the pipeline writes (metric labels, notes, statements).
// Every text of the layer definitions must be here (tests/unit/i18n-domain.test.ts); catalog texts
// that are missing (e.g. after a data change) are shown in French, marked lang="fr".
export const domainEn: Readonly<Record<string, string>> = {
  // Communes
  Communes: 'Municipalities',
  "Les 36 communes de la Communauté d'Agglomération de Lens-Liévin (EPCI 246200364) et le contour du territoire.":
    'The 36 municipalities of the Lens-Liévin urban community (EPCI 246200364) and the outline of its territory.',
  'Limite communale': 'Municipal boundary',
  Commune: 'Municipality',
  'Code INSEE': 'INSEE code',
  'Population municipale': 'Municipal population',
  Surface: 'Area',
  'Territoire de la CALL': 'Territory of the CALL',
  'Limite de la CALL': 'Boundary of the CALL',
  Territoire: 'Territory',
  SIREN: 'SIREN',
  // EuroVelo 5
  'EuroVelo 5': 'EuroVelo 5',
  "Tronçons de la véloroute EuroVelo 5 « Via Romea Francigena » sur le territoire, d'après OpenStreetMap (relation 5245117).":
    'Sections of the EuroVelo 5 “Via Romea Francigena” cycle route in the territory, from OpenStreetMap (relation 5245117).',
  "Tracé OpenStreetMap de janvier 2022 : l'état des tronçons (réalisé, en projet) n'est pas dans les données et certains tronçons manquent dans OSM à cette date.":
    'OpenStreetMap route of January 2022: the status of the sections (built, planned) is not in the data and some sections were missing from OSM at that date.',
  'Tronçons EuroVelo 5': 'EuroVelo 5 sections',
  'Itinéraire EuroVelo 5 (OSM)': 'EuroVelo 5 route (OSM)',
  Tronçon: 'Section',
  'Longueur sur le territoire': 'Length in the territory',
  'Communes traversées': 'Municipalities crossed',
  'Relation OpenStreetMap': 'OpenStreetMap relation',
  // Chaîne des Parcs
  'Chaîne des Parcs': 'Chaîne des Parcs (chain of parks)',
  "Espaces néo-naturels, terrils et cavaliers (anciennes voies ferrées minières) qui composent la Chaîne des Parcs, d'après la Mission Bassin Minier.":
    'Neo-natural spaces, spoil heaps (terrils) and cavaliers (former mining railways) that make up the Chaîne des Parcs, from the Mission Bassin Minier.',
  "Pas de contour officiel de la Chaîne des Parcs (Euralens) : Parc des Cytises, Berges de la Souchez, Parc Centralité et site de la Base 11/19 n'ont pas de géométrie publiée.":
    'No official outline of the Chaîne des Parcs (Euralens): Parc des Cytises, Berges de la Souchez, Parc Centralité and the Base 11/19 site have no published geometry.',
  'Espaces néo-naturels': 'Neo-natural spaces',
  'Espace néo-naturel (parc)': 'Neo-natural space (park)',
  Nom: 'Name',
  Identifiant: 'Identifier',
  Statut: 'Status',
  'Surface dans la CALL': 'Area in the CALL',
  Terrils: 'Spoil heaps (terrils)',
  'Terril inscrit UNESCO': 'UNESCO-listed spoil heap',
  'Terril (zone tampon)': 'Spoil heap (buffer zone)',
  Forme: 'Shape',
  'Cavaliers (tracés)': 'Cavaliers (routes)',
  'Cavalier (ancienne voie ferrée minière)': 'Cavalier (former mining railway)',
  Longueur: 'Length',
  'Cavaliers inscrits UNESCO': 'UNESCO-listed cavaliers',
  'Cavalier inscrit UNESCO (emprise)': 'UNESCO-listed cavalier (footprint)',
  'Longueur (source)': 'Length (source)',
  // Cités minières
  'Cités minières / ERBM': 'Mining estates / ERBM',
  'Cités minières du bien UNESCO, de sa zone tampon et du programme ERBM (Engagement pour le Renouveau du Bassin Minier) ; bâtiments UNESCO et anciens puits de mine.':
    'Mining estates (cités) of the UNESCO property, of its buffer zone and of the ERBM programme (Commitment to the Renewal of the Mining Basin); UNESCO buildings and former mine shafts.',
  'La couche ERBM de la Mission Bassin Minier recense 18 des 29 cités ERBM annoncées pour la CALL.':
    'The Mission Bassin Minier’s ERBM layer lists 18 of the 29 ERBM estates announced for the CALL.',
  'Cités minières': 'Mining estates',
  'Cité ERBM (renouvellement)': 'ERBM estate (renewal)',
  'Cité du bien UNESCO': 'Estate of the UNESCO property',
  'Cité de la zone tampon UNESCO': 'Estate of the UNESCO buffer zone',
  Cité: 'Estate',
  'Autre nom': 'Other name',
  Type: 'Type',
  Compagnie: 'Mining company',
  'Intérêt patrimonial': 'Heritage interest',
  Propriétaire: 'Owner',
  'Élément UNESCO': 'UNESCO element',
  'Identifiant Mission Bassin Minier': 'Mission Bassin Minier identifier',
  'Bâtiments UNESCO': 'UNESCO buildings',
  'Bâtiment du bien UNESCO': 'Building of the UNESCO property',
  Typologie: 'Typology',
  Période: 'Period',
  Protection: 'Protection',
  'Anciens puits de mine': 'Former mine shafts',
  'Ancien puits de mine': 'Former mine shaft',
  Puits: 'Shaft',
  Creusement: 'Sunk',
  Fermeture: 'Closed',
  Profondeur: 'Depth',
  'Fiche BRGM': 'BRGM record',
  // QPV
  'Quartiers prioritaires (QPV)': 'Priority neighbourhoods (QPV)',
  'Quartiers prioritaires de la politique de la ville, liste 2024 (ANCT) : 22 quartiers sur 19 communes de la CALL.':
    'Priority neighbourhoods of urban policy, 2024 list (ANCT): 22 neighbourhoods in 19 municipalities of the CALL.',
  'Contours des QPV': 'QPV outlines',
  'Quartier prioritaire (contour officiel)': 'Priority neighbourhood (official outline)',
  Quartier: 'Neighbourhood',
  'Code QPV': 'QPV code',
  'Communes comptant un QPV': 'Municipalities with a QPV',
  'Commune comptant au moins un QPV (contours des QPV non disponibles)': 'Municipality with at least one QPV (QPV outlines not available)',
  'Nombre de QPV': 'Number of QPV',
  'Quartiers prioritaires': 'Priority neighbourhoods',
  'Codes QPV': 'QPV codes',
  Précision: 'Precision',
  // Captages
  "Captages d'eau potable": 'Drinking-water catchments',
  "Champs captants d'eau potable du territoire et leur priorité (contrat d'actions pour la ressource en eau).":
    'Drinking-water well fields of the territory and their priority (action contract for the water resource).',
  'Périmètres de protection des captages': 'Catchment protection perimeters',
  'Périmètre de protection de captage': 'Catchment protection perimeter',
  Captage: 'Catchment',
  Périmètre: 'Perimeter',
  // Déchets
  Déchets: 'Waste',
  'Établissements de traitement et de valorisation des déchets déclarés au registre IREP (centre de valorisation énergétique, tri, recyclage, verrerie).':
    'Waste treatment and recovery sites declared in the IREP register (energy recovery, sorting, recycling, glassworks).',
  "Positions approximatives : point de référence de la commune, déclaration arrondie ou géocodage d'adresse. Le cercle en tirets indique l'incertitude. Les déchèteries n'ont pas de position publiée.":
    'Approximate positions: reference point of the municipality, rounded declaration or geocoded address. The dashed circle shows the uncertainty. Recycling centres have no published position.',
  'Établissements (position approximative)': 'Sites (approximate position)',
  'Position approximative : adresse géocodée (± 150 m)': 'Approximate position: geocoded address (± 150 m)',
  'Position approximative : déclaration arrondie (± 700 m)': 'Approximate position: rounded declaration (± 700 m)',
  'Position approximative : point de la commune (± 1,5 km)': 'Approximate position: point of the municipality (± 1.5 km)',
  Établissement: 'Site',
  Activité: 'Activity',
  Position: 'Position',
  'Origine de la position': 'Origin of the position',
  'Identifiant IREP': 'IREP identifier',
  'Déclarations IREP': 'IREP declarations',
  // Finalités of sustainable development (the report's framework)
  'Lutter contre le changement climatique': 'Fight climate change',
  'Préserver la biodiversité, les milieux et les ressources': 'Preserve biodiversity, environments and resources',
  'Participer à la cohésion sociale et la solidarité entre les territoires et les générations':
    'Contribute to social cohesion and solidarity between territories and generations',
  "Favoriser l'épanouissement de tous les êtres humains": 'Enable all human beings to flourish',
  'Permettre une dynamique de développement suivant des modes de production et de consommations responsables':
    'Support development based on responsible production and consumption',
  // Workbench items seen as layers (src/app/workbench/workspace-definition.ts)
  "Résultat d'analyse (atelier)": 'Analysis result (workbench)',
  'Mesure (atelier)': 'Measure (workbench)',
  'Couche importée (atelier)': 'Imported layer (workbench)',
  // Catalog: metric labels and notes, statements written by the pipeline
  'Populations municipales DGCL (millésime 2026 de @etalab/decoupage-administratif)':
    'DGCL municipal populations (2026 release of @etalab/decoupage-administratif)',
  'Surface du territoire': 'Area of the territory',
  'Surfaces communales (somme)': 'Municipal areas (sum)',
  'Longueur de l’EuroVelo 5 dans la CALL': 'Length of the EuroVelo 5 in the CALL',
  'Somme des segments OSM découpés par le contour de la CALL': 'Sum of the OSM segments clipped by the outline of the CALL',
  'Longueur par commune': 'Length per municipality',
  'Segments OSM sur le territoire': 'OSM segments in the territory',
  'Espaces néo-naturels (surface dans la CALL)': 'Neo-natural spaces (area in the CALL)',
  'Surface des terrils dans la CALL': 'Area of the spoil heaps in the CALL',
  'Cavaliers (tracés) dans la CALL': 'Cavaliers (routes) in the CALL',
  'Une cité présente dans plusieurs sources est comptée une fois': 'An estate found in several sources is counted once',
  'Surface des cités dans la CALL': 'Area of the estates in the CALL',
  'Cités ERBM identifiées': 'ERBM estates identified',
  'Sur 29 cités ERBM annoncées pour la CALL': 'Out of 29 ERBM estates announced for the CALL',
  'Surface des cités ERBM': 'Area of the ERBM estates',
  'Communes comptant une cité ERBM identifiée': 'Municipalities with an identified ERBM estate',
  "Communes où se trouvent au moins 0,5 ha d'une cité ERBM ; détail en hectares":
    'Municipalities holding at least 0.5 ha of an ERBM estate; breakdown in hectares',
  'Quartiers prioritaires (liste 2024)': 'Priority neighbourhoods (2024 list)',
  'Part de la population vivant dans une commune comptant un QPV': 'Share of the population living in a municipality with a QPV',
  'Établissements de traitement des déchets': 'Waste treatment sites',
  'Distance de chaque commune à l’établissement de traitement le plus proche': 'Distance from each municipality to the nearest treatment site',
  'Valeur : moyenne sur les 36 communes ; distance à vol d’oiseau depuis un point intérieur de la commune, positions des établissements approximatives':
    'Value: mean over the 36 municipalities; straight-line distance from a point inside the municipality, approximate site positions',
  'Les contours officiels des QPV 2024 (ANCT) ne figurent dans aucune source disponible':
    'The official outlines of the 2024 QPV (ANCT) are in no available source',
  "Les déchèteries n'ont pas de position publiée en données ouvertes (le service cartographique de la CALL en recense 3 fixes et 10 mobiles, licence à confirmer)":
    'Recycling centres have no position published as open data (the CALL’s map service lists 3 fixed and 10 mobile ones, licence to be confirmed)',
};
