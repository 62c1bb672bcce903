import type { LayerDefinition, PopupField } from '../types';
import { withAlpha } from '../theme';

const commonFields: PopupField[] = [
  { key: 'nom', label: 'Nom' },
  { key: 'identifiant', label: 'Identifiant' },
  { key: 'communes', label: 'Communes', format: 'liste' },
  { key: 'statut', label: 'Statut' },
];

export const parcsLayer: LayerDefinition = {
  id: 'parcs',
  title: 'Chaîne des Parcs',
  description:
    "Espaces néo-naturels, terrils et cavaliers (anciennes voies ferrées minières) qui composent la Chaîne des Parcs, d'après la Mission Bassin Minier.",
  sources: [
    'parcs-espaces-zt',
    'parcs-espaces-unesco',
    'parcs-terrils-unesco',
    'parcs-terrils-zt',
    'parcs-cavaliers-zt',
    'parcs-cavaliers-unesco',
    'territoire',
  ],
  defaultVisible: true,
  order: 20,
  caveat:
    "Pas de contour officiel de la Chaîne des Parcs (Euralens) : Parc des Cytises, Berges de la Souchez, Parc Centralité et site de la Base 11/19 n'ont pas de géométrie publiée.",
  sublayers: [
    {
      id: 'parcs-espaces',
      title: 'Espaces néo-naturels',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'espace',
          label: 'Espace néo-naturel (parc)',
          // Parks can be large: a light plain fill, no pattern over them (docs/cartography.md).
          symbol: { fill: withAlpha(t.palette.parc, 110), pattern: 'plein', line: t.palette.parc, lineWidth: 1.5 },
        },
      ],
      popupFields: [
        ...commonFields,
        { key: 'surface_ha', label: 'Surface', format: 'ha' },
        { key: 'surface_dans_call_ha', label: 'Surface dans la CALL', format: 'ha' },
      ],
    },
    {
      id: 'parcs-terrils',
      title: 'Terrils',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'terril-unesco',
          label: 'Terril inscrit UNESCO',
          when: (p) => p.unesco === true,
          symbol: { fill: withAlpha(t.palette.terril, 170), pattern: 'croisillons', line: t.palette.terril, lineWidth: 1.5 },
        },
        {
          id: 'terril',
          label: 'Terril (zone tampon)',
          // Plain: the cross-hatch of the class above marks the second attribute, the inscription.
          symbol: { fill: withAlpha(t.palette.terril, 110), pattern: 'plein', line: t.palette.terril, lineWidth: 1, dash: [2, 1] },
        },
      ],
      popupFields: [...commonFields, { key: 'forme', label: 'Forme' }, { key: 'surface_ha', label: 'Surface', format: 'ha' }],
    },
    {
      id: 'parcs-cavaliers',
      title: 'Cavaliers (tracés)',
      geometry: 'line',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        { id: 'cavalier', label: 'Cavalier (ancienne voie ferrée minière)', symbol: { line: t.palette.cavalier, lineWidth: 1.5, dash: [1.5, 1] } },
      ],
      popupFields: [...commonFields, { key: 'longueur_km', label: 'Longueur', format: 'km' }],
    },
    {
      id: 'parcs-cavaliers-unesco',
      title: 'Cavaliers inscrits UNESCO',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'cavalier-unesco',
          label: 'Cavalier inscrit UNESCO (emprise)',
          symbol: { fill: withAlpha(t.palette.cavalier, 200), pattern: 'plein', line: t.palette.cavalier, lineWidth: 2 },
        },
      ],
      popupFields: [
        ...commonFields,
        { key: 'longueur_m', label: 'Longueur (source)', format: 'm' },
        { key: 'surface_ha', label: 'Surface', format: 'ha' },
      ],
    },
  ],
};
