import type { LayerDefinition } from '../types';
import { withAlpha } from '../theme';

export const communesLayer: LayerDefinition = {
  id: 'communes',
  title: 'Communes',
  description: "Les 36 communes de la Communauté d'Agglomération de Lens-Liévin (EPCI 246200364) et le contour du territoire.",
  sources: ['communes', 'territoire'],
  defaultVisible: true,
  order: 0,
  sublayers: [
    {
      id: 'communes',
      title: 'Communes',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        {
          id: 'commune',
          label: 'Limite communale',
          // Context, muted: a thin light line that locates without competing with the subject.
          symbol: { fill: withAlpha(t.territoryFill, 0), line: t.communeLine, lineWidth: 0.8, dash: [3, 2] },
        },
      ],
      popupFields: [
        { key: 'nom', label: 'Commune' },
        { key: 'code', label: 'Code INSEE' },
        { key: 'population', label: 'Population municipale', format: 'nombre' },
        { key: 'surface_ha', label: 'Surface', format: 'ha' },
      ],
    },
    {
      id: 'territoire',
      title: 'Territoire de la CALL',
      geometry: 'polygon',
      nameField: 'nom',
      defaultVisible: true,
      classes: (t) => [
        { id: 'territoire', label: 'Limite de la CALL', symbol: { fill: withAlpha(t.territoryFill, 0), line: t.territoryLine, lineWidth: 2 } },
      ],
      popupFields: [
        { key: 'nom', label: 'Territoire' },
        { key: 'siren', label: 'SIREN' },
        { key: 'surface_ha', label: 'Surface', format: 'ha' },
      ],
    },
  ],
};
