// Sheet of the selected feature: name and popup fields as text nodes only (never HTML), and the
// report cards that concern it. Focus moves to it when it opens and returns where it was when it
// closes (button or Escape).
import { useEffect, useRef, type ReactNode } from 'react';
import type { GeoFeature, LayerDefinition, SublayerDefinition } from '../../layers/types';
import { formatField, isEmptyValue, isHttpUrl } from './format';

interface FeaturePanelProps {
  feature: GeoFeature;
  layer: LayerDefinition;
  sublayer: SublayerDefinition;
  /** Report cards whose links include this feature. */
  cards: { id: string; title: string }[];
  onOpenCard: (id: string) => void;
  onClose: () => void;
  /** Actions offered under the fields (e.g. buffer this feature in the workbench). */
  actions?: ReactNode;
}

export function FeaturePanel({ feature, layer, sublayer, cards, onOpenCard, onClose, actions }: FeaturePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const properties = feature.properties ?? {};
  const rawName = properties[sublayer.nameField] ?? properties.nom;
  const name = isEmptyValue(rawName) ? sublayer.title : formatField(rawName);

  // Remember what had focus when the panel first opened, then focus the heading.
  useEffect(() => {
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const target = returnTo.current;
      if (target && target.isConnected) target.focus();
      else document.querySelector<HTMLElement>('.maplibregl-canvas')?.focus();
    };
  }, []);
  useEffect(() => {
    heading.current?.focus();
  }, [feature]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const rows = sublayer.popupFields.filter((f) => f.key !== sublayer.nameField && !isEmptyValue(properties[f.key]));
  return (
    <section className="feature-panel" role="region" aria-labelledby="fiche-titre">
      <header>
        <p className="feature-kind">
          {sublayer.title} · {layer.title}
        </p>
        <h2 id="fiche-titre" tabIndex={-1} ref={heading}>
          {name}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Fermer la fiche">
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {rows.length > 0 ? (
        <dl>
          {rows.map((field) => {
            const value = properties[field.key];
            return (
              <div key={field.key} className="field">
                <dt>{field.label}</dt>
                <dd>
                  {field.format === 'lien' && isHttpUrl(value) ? (
                    <a href={value} target="_blank" rel="noopener noreferrer">
                      {value}
                    </a>
                  ) : (
                    formatField(value, field.format === 'lien' ? 'texte' : field.format)
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="note">Aucune autre information pour cet objet.</p>
      )}
      {cards.length > 0 && (
        <div className="feature-cards">
          <p id="fiches-de-l-objet">Fiches du rapport :</p>
          <ul aria-labelledby="fiches-de-l-objet">
            {cards.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => onOpenCard(c.id)}>
                  {c.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {actions && <div className="feature-actions">{actions}</div>}
    </section>
  );
}
