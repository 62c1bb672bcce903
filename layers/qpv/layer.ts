import type { LayerDefinition } from '../types';
import { withAlpha } from '../theme';

export const QPV_NO_OUTLINE = 'contours des QPV non disponibles';

/**
 * Without the QPV outlines, a commune containing one is drawn as an outline only, with a mark at its
 * label point and the names of its QPV: nothing fills the commune, so nobody reads a neighbourhood
 * outline into it (docs/cartography.md, « QPV sans contours »).
 */

export const qpvLayer: LayerDefinition = {
  id: 'qpv',
  title: 'Quartiers prioritaires (QPV)',
  description: 'Quartiers prioritaires de la politique de la ville, liste 2024 (ANCT) : 22 quartiers sur 19 communes de la CALL.',
  sources: ['qpv-liste', 'qpv-contours', 'communes'],
  defaultVisible: false,
  order: 10,
  sublayers: [
    {
      id: 'qpv-contours',
      title: 'Contours des QPV',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'qpv',
          label: 'Quartier prioritaire (contour officiel)',
          // The official outline: a small area, filled lightly; no hatch (colour says QPV already).
          symbol: { fill: withAlpha(t.palette.qpv, 90), pattern: 'plein', line: t.palette.qpv, lineWidth: 2 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Quartier' },
        { key: 'code_qp', label: 'Code QPV' },
        { key: 'communes', label: 'Communes', format: 'liste' },
      ],
    },
    {
      id: 'qpv-communes',
      title: 'Communes comptant un QPV',
      geometry: 'polygon',
      nameField: 'nom',
      markText: 'qpv_noms',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'commune-qpv',
          label: `Commune comptant au moins un QPV : repère et nom des quartiers (${QPV_NO_OUTLINE})`,
          symbol: { line: t.palette.qpv, lineWidth: 1.5, dash: [4, 2], marker: 'cercle', markerSize: 11 },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Commune' },
        { key: 'qpv_nombre', label: 'Nombre de QPV', format: 'nombre' },
        { key: 'qpv_noms', label: 'Quartiers prioritaires', format: 'liste' },
        { key: 'qpv_codes', label: 'Codes QPV', format: 'liste' },
        { key: 'precision', label: 'Précision' },
      ],
    },
  ],
};
