// Text alternative to the map: every feature of a sublayer as a button that opens its sheet.
import { memo, useMemo, useState } from 'react';
import type { GeoFeature, SublayerDefinition } from '../../layers/types';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

interface FeatureListProps {
  sublayer: SublayerDefinition;
  features: GeoFeature[];
  onShow: (sublayerId: string, index: number) => void;
}

// Memoised: long lists must not re-render on every layer toggle.
export const FeatureList = memo(function FeatureList({ sublayer, features, onShow }: FeatureListProps) {
  // Rows are rendered only once the list is opened: some sublayers hold hundreds of features.
  const [open, setOpen] = useState(false);
  const rows = useMemo(
    () =>
      features
        .map((f, index) => ({ index, name: String(f.properties?.[sublayer.nameField] ?? f.properties?.nom ?? `Objet ${index + 1}`) }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    [features, sublayer.nameField],
  );
  if (!rows.length) return null;
  return (
    <details className="feature-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Liste des objets ({rows.length})</summary>
      {open && (
        <ul>
          {rows.map((r) => (
            <li key={r.index}>
              <button type="button" className="link-button" onClick={() => onShow(sublayer.id, r.index)}>
                {r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
});
