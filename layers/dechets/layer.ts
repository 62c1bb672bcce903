import type { LayerDefinition } from '../types';

/** Radius of uncertainty by position quality, in metres (drawn as a dashed circle). */
export const PRECISION_RADIUS_M: Record<string, number> = {
  adresse: 150,
  arrondie: 700,
  commune: 1500,
};

export const dechetsLayer: LayerDefinition = {
  id: 'dechets',
  title: 'Déchets',
  description:
    'Établissements de traitement et de valorisation des déchets déclarés au registre IREP (centre de valorisation énergétique, tri, recyclage, verrerie).',
  sources: [
    'dechets-irep2015',
    'dechets-irep2019-declare',
    'dechets-irep2019-geocode',
    'dechets-irep2021',
    'dechets-decheteries-noms',
    'dechets-decheteries-noms-2',
    'communes',
  ],
  defaultVisible: false,
  order: 50,
  caveat:
    "Positions approximatives : point de référence de la commune, déclaration arrondie ou géocodage d'adresse. Le cercle en tirets indique l'incertitude. Les déchèteries n'ont pas de position publiée.",
  sublayers: [
    {
      id: 'dechets-etablissements',
      title: 'Établissements (position approximative)',
      geometry: 'point',
      nameField: 'nom',
      defaultVisible: true,
      uncertaintyMetres: (p) => (typeof p.precision_m === 'number' ? p.precision_m : null),
      classes: (t) => [
        {
          id: 'adresse',
          label: 'Position approximative : adresse géocodée (± 150 m)',
          when: (p) => p.precision === 'adresse',
          symbol: { fill: t.palette.dechet, line: [255, 255, 255, 255], lineWidth: 1.5, marker: 'triangle', markerSize: 13 },
        },
        {
          id: 'arrondie',
          label: 'Position approximative : déclaration arrondie (± 700 m)',
          when: (p) => p.precision === 'arrondie',
          symbol: { fill: t.palette.dechet, line: [255, 255, 255, 255], lineWidth: 1.5, marker: 'losange', markerSize: 13 },
        },
        {
          id: 'commune',
          label: 'Position approximative : point de la commune (± 1,5 km)',
          symbol: { fill: t.palette.dechet, line: [255, 255, 255, 255], lineWidth: 1.5, marker: 'croix', markerSize: 13 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Établissement' },
        { key: 'commune', label: 'Commune' },
        { key: 'activite', label: 'Activité' },
        { key: 'precision_texte', label: 'Position' },
        { key: 'source_position', label: 'Origine de la position' },
        { key: 'identifiant_irep', label: 'Identifiant IREP' },
        { key: 'declarations', label: 'Déclarations IREP', format: 'liste' },
      ],
    },
  ],
};
