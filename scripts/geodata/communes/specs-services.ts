// Figures of the services layers: priority neighbourhoods (QPV), waste treatment sites and
// drinking-water catchments. The QPV area and the waste distance exist only when their data does.
import type { ProfileContext } from './context';
import type { FigureSpec } from './specs';

export const servicesSpecs = ({ metric, sub, territoryHa, qpvOutlines, hasWaste, catchments }: ProfileContext): FigureSpec[] => [
  {
    id: 'qpv',
    label: 'Quartiers prioritaires (liste 2024)',
    unit: 'nombre',
    layer: 'qpv',
    total: 'liste',
    callTotal: metric('qpv', 'qpv') ?? 0,
    none: 'aucun quartier prioritaire',
    note: 'Un quartier à cheval sur plusieurs communes compte dans chacune : la somme des communes peut dépasser le total de la CALL',
  },
  ...(qpvOutlines
    ? [
        {
          id: 'qpv-surface',
          label: 'Surface des QPV (contours officiels)',
          unit: 'ha',
          layer: 'qpv',
          total: 'somme' as const,
          callTotal: territoryHa(sub('qpv-contours')),
          none: 'aucun quartier prioritaire',
        },
      ]
    : []),
  {
    id: 'dechets',
    label: 'Établissements de traitement des déchets',
    unit: 'nombre',
    layer: 'dechets',
    total: 'somme',
    callTotal: metric('dechets', 'etablissements') ?? 0,
    none: 'aucun établissement de traitement des déchets',
    note: 'Commune déclarée par l’exploitant (IREP)',
  },
  ...(hasWaste
    ? [
        {
          id: 'dechets-distance',
          label: 'Distance à l’établissement de traitement le plus proche',
          unit: 'km',
          layer: 'dechets',
          total: 'moyenne' as const,
          callTotal: metric('dechets', 'distance-communes') ?? 0,
          none: '',
          note: 'À vol d’oiseau depuis le point de référence de la commune (pointOnFeature de Turf) ; rang 1 = la plus éloignée ; total : moyenne des 36 communes',
        },
      ]
    : []),
  {
    id: 'captages',
    label: 'Captages d’eau potable nommés',
    unit: 'nombre',
    layer: 'captages',
    total: 'somme',
    callTotal: catchments.filter((c) => !/hors CALL/.test(c.commune ?? '')).length,
    none: 'aucun captage nommé dans la commune',
  },
];
