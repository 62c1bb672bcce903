// Text alternative to the map: every feature of a sublayer as a button that opens its sheet.
import { useMemo } from 'react';
import type { GeoFeature, SublayerDefinition } from '../../layers/types';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function FeatureList({ sublayer, features, onShow }: { sublayer: SublayerDefinition; features: GeoFeature[]; onShow: (index: number) => void }) {
  const rows = useMemo(
    () =>
      features
        .map((f, index) => ({ index, name: String(f.properties?.[sublayer.nameField] ?? f.properties?.nom ?? `Objet ${index + 1}`) }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    [features, sublayer.nameField],
  );
  if (!rows.length) return null;
  return (
    <details className="feature-list">
      <summary>Liste des objets ({rows.length})</summary>
      <ul>
        {rows.map((r) => (
          <li key={r.index}>
            <button type="button" className="link-button" onClick={() => onShow(r.index)}>
              {r.name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
