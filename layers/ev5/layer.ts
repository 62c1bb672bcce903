import type { LayerDefinition } from '../types';

export const ev5Layer: LayerDefinition = {
  id: 'ev5',
  title: 'EuroVelo 5',
  description: "Tronçons de la véloroute EuroVelo 5 « Via Romea Francigena » sur le territoire, d'après OpenStreetMap (relation 5245117).",
  sources: ['ev5-gpx', 'territoire', 'communes'],
  defaultVisible: true,
  order: 40,
  caveat:
    "Tracé OpenStreetMap de janvier 2022 : l'état des tronçons (réalisé, en projet) n'est pas dans les données et certains tronçons manquent dans OSM à cette date.",
  sublayers: [
    {
      id: 'ev5-troncons',
      title: 'Tronçons EuroVelo 5',
      geometry: 'line',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [{ id: 'ev5', label: 'Itinéraire EuroVelo 5 (OSM)', symbol: { line: t.palette.velo, lineWidth: 4, dash: [3, 1] } }],
      popupFields: [
        { key: 'nom', label: 'Tronçon' },
        { key: 'longueur_km', label: 'Longueur sur le territoire', format: 'km' },
        { key: 'communes', label: 'Communes traversées', format: 'liste' },
        { key: 'relation_osm', label: 'Relation OpenStreetMap' },
      ],
    },
  ],
};
