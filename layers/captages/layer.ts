import type { LayerDefinition } from '../types';
import { withAlpha } from '../theme';

export const CAPTAGES_MISSING =
  "Aucune géométrie des captages n'est publiée en données ouvertes. Les périmètres de protection existent dans le service cartographique de la CALL (couche « PPC », 20 périmètres immédiats, 18 rapprochés, 15 éloignés, en CC50) dont la licence reste à confirmer : ils apparaîtront dès qu'une source les fournit (fichier déposé dans geodata/local/captages.geojson ou téléchargement en ligne).";

export const captagesLayer: LayerDefinition = {
  id: 'captages',
  title: "Captages d'eau potable",
  description: "Champs captants d'eau potable du territoire et leur priorité (contrat d'actions pour la ressource en eau).",
  sources: ['captages-noms', 'captages-perimetres'],
  defaultVisible: false,
  order: 5,
  sublayers: [
    {
      id: 'captages-perimetres',
      title: 'Périmètres de protection des captages',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'perimetre',
          label: 'Périmètre de protection de captage',
          symbol: { fill: withAlpha(t.palette.eau, 90), pattern: 'points', line: t.palette.eau, lineWidth: 1.5 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Captage' },
        { key: 'type', label: 'Périmètre' },
        { key: 'commune', label: 'Commune' },
      ],
    },
  ],
};
