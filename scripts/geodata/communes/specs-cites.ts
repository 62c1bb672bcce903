// Figures of the mining cities (cités minières, UNESCO, ERBM, buffer zone), their UNESCO
// buildings and the former pit heads.
import { isTampon, isUnesco, type ProfileContext } from './context';
import type { FigureSpec } from './specs';

export const citesSpecs = ({ metric, sub, territoryHa }: ProfileContext): FigureSpec[] => {
  const cites = sub('cites');
  return [
    {
      id: 'cites',
      label: 'Cités minières',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites') ?? 0,
      none: 'aucune cité minière recensée',
      note: 'Une cité à cheval sur une limite est comptée dans la commune qui en porte la plus grande part',
    },
    {
      id: 'cites-unesco',
      label: 'Cités du bien UNESCO',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites', 'du bien UNESCO') ?? 0,
      none: 'aucune cité du bien UNESCO',
    },
    {
      id: 'cites-erbm',
      label: 'Cités ERBM',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites', 'du programme ERBM') ?? 0,
      none: 'aucune cité ERBM identifiée',
    },
    {
      id: 'cites-zone-tampon',
      label: 'Cités de la zone tampon UNESCO',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites', 'de la zone tampon') ?? 0,
      none: 'aucune cité de la zone tampon',
    },
    {
      id: 'cites-surface',
      label: 'Surface des cités minières',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites-surface') ?? 0,
      none: 'aucune cité minière recensée',
    },
    {
      id: 'cites-unesco-surface',
      label: 'Surface des cités du bien UNESCO',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: territoryHa(cites.filter(isUnesco)),
      none: 'aucune cité du bien UNESCO',
    },
    {
      id: 'cites-erbm-surface',
      label: 'Surface des cités ERBM',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'erbm-surface') ?? 0,
      none: 'aucune cité ERBM identifiée',
    },
    {
      id: 'cites-zone-tampon-surface',
      label: 'Surface des cités de la zone tampon',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: territoryHa(cites.filter(isTampon)),
      none: 'aucune cité de la zone tampon',
    },
    {
      id: 'batis',
      label: 'Bâtiments UNESCO',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'batis') ?? 0,
      none: 'aucun bâtiment UNESCO recensé',
    },
    {
      id: 'puits',
      label: 'Anciens puits de mine',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'puits') ?? 0,
      none: 'aucun puits de mine recensé',
    },
  ];
};
