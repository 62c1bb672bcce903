// Trame verte et bleue: one layer planners overlay on their projects. The green part is a stated
// selection of other layers' sublayers (same files, no copy); the blue part, the regional corridors
// and the ZNIEFF come from their own sources when one provides them.
import type { LayerDefinition, SublayerDefinition } from '../types';
import { withAlpha } from '../theme';
import { parcsLayer } from '../parcs/layer';

/**
 * The one definition of the green corridors: every feature of these sublayers is part of the green
 * network (the Mission Bassin Minier's néo-natural spaces and parks, terrils and cavaliers), none is
 * filtered out. Changing the green network means changing this list, nothing else.
 */
export const GREEN_CORRIDORS = [
  { id: 'tvb-vert-espaces', from: 'parcs-espaces', title: 'Espaces néo-naturels et parcs (réservoirs)' },
  { id: 'tvb-vert-terrils', from: 'parcs-terrils', title: 'Terrils (milieux relais)' },
  { id: 'tvb-vert-cavaliers', from: 'parcs-cavaliers', title: 'Cavaliers (corridors linéaires)' },
  { id: 'tvb-vert-cavaliers-unesco', from: 'parcs-cavaliers-unesco', title: 'Cavaliers inscrits UNESCO (emprises)' },
] as const;

export const GREEN_IDS: readonly string[] = GREEN_CORRIDORS.map((g) => g.id);
export const BLUE_LINES = 'tvb-cours-d-eau';
export const BLUE_SURFACES = 'tvb-plans-d-eau';
export const SRCE = 'tvb-srce';
export const ZNIEFF = 'tvb-znieff';
export const GAPS = 'tvb-discontinuites';

/** Where the blue network may come from, in the order the pipeline takes them. */
export const BLUE_SOURCES = {
  local: 'hydro-local',
  troncons: 'hydro-bdtopo-troncons',
  surfaces: 'hydro-bdtopo-surfaces',
  coursDEau: 'hydro-bdtopo-cours-d-eau',
  osm: 'hydro-osm',
} as const;

export const BLUE_MISSING =
  "Aucune source du réseau hydrographique n'est disponible pour cette construction : la Souchez, le Canal de Lens, le Canal de la Deûle, le Surgeon et les étangs ne sont pas tracés, et aucun tracé n'est dessiné à la main. Pour les afficher : déposer le fichier de l'agglomération dans geodata/local/hydrographie.geojson, ou reconstruire les données sur une machine connectée avec « npm run data -- --en-ligne » (IGN BD TOPO, hydrographie, par le service WFS de la Géoplateforme, Licence Ouverte ; à défaut les cours d'eau d'OpenStreetMap, ODbL).";

export const REGIONAL_MISSING =
  'Les corridors écologiques régionaux (SRCE / SRADDET Hauts-de-France) et les contours des ZNIEFF ne figurent dans aucune source disponible : déposer geodata/local/srce-corridors.geojson et geodata/local/znieff.geojson pour les ajouter.';

const byId = (id: string): SublayerDefinition => {
  const found = parcsLayer.sublayers.find((s) => s.id === id);
  if (!found) throw new Error(`sous-couche ${id} absente de la Chaîne des Parcs`);
  return found;
};

/** Green sublayers: the source sublayer's style and popup, its file, the TVB's title. */
const greenSublayers: SublayerDefinition[] = GREEN_CORRIDORS.map((g) => ({ ...byId(g.from), id: g.id, title: g.title, from: g.from }));

export const tvbLayer: LayerDefinition = {
  id: 'tvb',
  title: 'Trame verte et bleue',
  description:
    "Continuités écologiques du territoire. Trame verte : tous les espaces néo-naturels, terrils et cavaliers de la Chaîne des Parcs (mêmes données que cette couche). Trame bleue : cours d'eau, canaux et plans d'eau, d'après le fichier de l'agglomération, l'IGN BD TOPO ou OpenStreetMap (la source utilisée est indiquée pour chaque tracé). Discontinuités : les interruptions de la trame verte le long des cavaliers et de l'EuroVelo 5.",
  sources: [
    'parcs-espaces-zt',
    'parcs-espaces-unesco',
    'parcs-terrils-unesco',
    'parcs-terrils-zt',
    'parcs-cavaliers-zt',
    'parcs-cavaliers-unesco',
    'ev5-gpx',
    BLUE_SOURCES.local,
    BLUE_SOURCES.troncons,
    BLUE_SOURCES.surfaces,
    BLUE_SOURCES.coursDEau,
    BLUE_SOURCES.osm,
    'tvb-srce',
    'tvb-znieff',
    'communes',
  ],
  defaultVisible: false,
  order: 15,
  caveat:
    "Trame de travail de l'atlas, pas le schéma TVB de la CALL (en cours d'élaboration avec l'Agence d'Urbanisme de l'Artois) : les discontinuités sont mesurées entre les éléments cartographiés, pas relevées sur le terrain.",
  sublayers: [
    ...greenSublayers,
    {
      id: BLUE_LINES,
      title: "Cours d'eau et canaux",
      geometry: 'line',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        { id: 'canal', label: 'Canal', when: (p) => p.categorie === 'canal', symbol: { line: t.palette.eau, lineWidth: 5 } },
        { id: 'cours-d-eau', label: "Cours d'eau", when: (p) => p.categorie === 'cours-d-eau', symbol: { line: t.palette.eau, lineWidth: 2.5 } },
        { id: 'fosse', label: 'Fossé, écoulement secondaire', symbol: { line: t.palette.eau, lineWidth: 1.5, dash: [2, 1] } },
      ],
      popupFields: [
        { key: 'nom', label: 'Nom' },
        { key: 'nature', label: 'Nature' },
        { key: 'longueur_dans_call_km', label: 'Longueur dans la CALL', format: 'km' },
        { key: 'communes', label: 'Communes traversées', format: 'liste' },
        { key: 'source', label: 'Source' },
      ],
    },
    {
      id: BLUE_SURFACES,
      title: "Plans d'eau",
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'plan-d-eau',
          label: "Plan d'eau, étang",
          symbol: { fill: withAlpha(t.palette.eau, 140), pattern: 'plein', line: t.palette.eau, lineWidth: 1.5 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Nom' },
        { key: 'nature', label: 'Nature' },
        { key: 'surface_dans_call_ha', label: 'Surface dans la CALL', format: 'ha' },
        { key: 'source', label: 'Source' },
      ],
    },
    {
      id: SRCE,
      title: 'Corridors écologiques régionaux (SRCE / SRADDET)',
      geometry: 'line',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        { id: 'corridor-regional', label: 'Corridor écologique régional', symbol: { line: t.palette.parc, lineWidth: 3, dash: [3, 2] } },
      ],
      popupFields: [
        { key: 'nom', label: 'Nom' },
        { key: 'type', label: 'Type' },
        { key: 'source', label: 'Source' },
      ],
    },
    {
      id: ZNIEFF,
      title: 'ZNIEFF',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'znieff',
          label: "Zone naturelle d'intérêt écologique, faunistique et floristique",
          symbol: { fill: withAlpha(t.palette.parc, 40), pattern: 'hachures-inverses', line: t.palette.parc, lineWidth: 1.5, dash: [4, 2] },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Nom' },
        { key: 'identifiant', label: 'Identifiant' },
        { key: 'type', label: 'Type' },
        { key: 'source', label: 'Source' },
      ],
    },
    {
      id: GAPS,
      title: 'Discontinuités de la trame verte',
      geometry: 'line',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'discontinuite',
          label: 'Discontinuité entre deux éléments verts (mesurée)',
          symbol: { line: t.label, lineWidth: 3, dash: [1, 1.5] },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Discontinuité' },
        { key: 'le_long_de', label: 'Le long de' },
        { key: 'entre', label: 'Entre' },
        { key: 'longueur_m', label: 'Longueur', format: 'm' },
        { key: 'communes', label: 'Communes', format: 'liste' },
        { key: 'mesure', label: 'Mesure' },
      ],
    },
  ],
};
