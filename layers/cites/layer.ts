import type { LayerDefinition } from '../types';
import { withAlpha } from '../theme';

export const citesLayer: LayerDefinition = {
  id: 'cites',
  title: 'Cités minières / ERBM',
  description:
    'Cités minières du bien UNESCO, de sa zone tampon et du programme ERBM (Engagement pour le Renouveau du Bassin Minier) ; bâtiments UNESCO et anciens puits de mine.',
  sources: ['cites-unesco', 'cites-erbm', 'cites-zt', 'cites-batis', 'cites-puits', 'territoire'],
  defaultVisible: false,
  order: 30,
  caveat: 'La couche ERBM de la Mission Bassin Minier recense 18 des 29 cités ERBM annoncées pour la CALL.',
  sublayers: [
    {
      id: 'cites',
      title: 'Cités minières',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'erbm',
          label: 'Cité ERBM (renouvellement)',
          when: (p) => p.erbm === true,
          // The cross-hatch carries the second attribute (in the renewal programme) over the cité.
          symbol: { fill: withAlpha(t.palette.citeErbm, 120), pattern: 'croisillons', line: t.palette.citeErbm, lineWidth: 2 },
        },
        {
          id: 'unesco',
          label: 'Cité du bien UNESCO',
          when: (p) => p.unesco === true,
          symbol: { fill: withAlpha(t.palette.citeUnesco, 120), pattern: 'plein', line: t.palette.citeUnesco, lineWidth: 1.5 },
        },
        {
          id: 'tampon',
          label: 'Cité de la zone tampon UNESCO',
          symbol: {
            fill: withAlpha(t.palette.citeTampon, 100),
            pattern: 'plein',
            line: t.palette.citeTampon,
            lineWidth: 1,
            dash: [2, 1],
          },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Cité' },
        { key: 'nom_2', label: 'Autre nom' },
        { key: 'communes', label: 'Communes', format: 'liste' },
        { key: 'statut', label: 'Statut' },
        { key: 'type', label: 'Type' },
        { key: 'compagnie', label: 'Compagnie' },
        { key: 'interet', label: 'Intérêt patrimonial' },
        { key: 'proprietaire', label: 'Propriétaire' },
        { key: 'surface_ha', label: 'Surface', format: 'ha' },
        { key: 'id_unesco', label: 'Élément UNESCO' },
        { key: 'id_lsm', label: 'Identifiant Mission Bassin Minier' },
      ],
    },
    {
      id: 'cites-batis',
      title: 'Bâtiments UNESCO',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: false,
      classes: (t) => [
        {
          id: 'bati',
          label: 'Bâtiment du bien UNESCO',
          symbol: { fill: withAlpha(t.palette.patrimoine, 190), pattern: 'plein', line: t.palette.patrimoine, lineWidth: 1 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Nom' },
        { key: 'typologie', label: 'Typologie' },
        { key: 'communes', label: 'Communes', format: 'liste' },
        { key: 'periode', label: 'Période' },
        { key: 'protection', label: 'Protection' },
        { key: 'id_unesco', label: 'Élément UNESCO' },
      ],
    },
    {
      id: 'cites-puits',
      title: 'Anciens puits de mine',
      geometry: 'point',
      nameField: 'nom',
      defaultVisible: false,
      classes: (t) => [
        {
          id: 'puits',
          label: 'Ancien puits de mine',
          symbol: { fill: t.palette.patrimoine, line: [255, 255, 255, 255], lineWidth: 1, marker: 'carre', markerSize: 9 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Puits' },
        { key: 'commune', label: 'Commune' },
        { key: 'compagnie', label: 'Compagnie' },
        { key: 'creusement', label: 'Creusement' },
        { key: 'fermeture', label: 'Fermeture' },
        { key: 'profondeur_m', label: 'Profondeur', format: 'm' },
        { key: 'fiche_brgm', label: 'Fiche BRGM', format: 'lien' },
      ],
    },
  ],
};
