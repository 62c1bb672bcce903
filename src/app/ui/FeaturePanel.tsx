// Sheet of the selected feature: name and popup fields as text nodes only (never HTML), and the
// report cards that concern it. Focus moves to it when it opens and returns where it was when it
// closes (button or Escape). Values come from French data: marked lang="fr" in the English UI.
import { useEffect, useRef, type ReactNode } from 'react';
import type { GeoFeature, LayerDefinition, SublayerDefinition } from '../../../layers/types';
import { useI18n } from '../i18n';
import { Domain, useFrLang } from '../i18n/Localized';
import { ExternalLink } from './ExternalLink';
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

/** Number-like formats are written in the UI's locale; the others are the data's French words. */
const NUMERIC = new Set(['nombre', 'ha', 'km', 'm', 'oui-non']);

export function FeaturePanel({ feature, layer, sublayer, cards, onOpenCard, onClose, actions }: FeaturePanelProps) {
  const { t, locale } = useI18n();
  const frLang = useFrLang();
  const heading = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const properties = feature.properties ?? {};
  const rawName = properties[sublayer.nameField] ?? properties.nom;
  const named = !isEmptyValue(rawName);

  // Remember what had focus when the panel first opened, then focus the heading.
  useEffect(() => {
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const target = returnTo.current;
      if (target && target.isConnected && target.offsetParent !== null) target.focus();
      else document.querySelector<HTMLElement>('.maplibregl-canvas')?.focus();
    };
  }, []);
  useEffect(() => {
    heading.current?.focus();
  }, [feature]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A widget that used Escape itself (search list, table) marks the event as handled.
      if (event.key === 'Escape' && !event.defaultPrevented) {
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
          <Domain>{sublayer.title}</Domain> · <Domain>{layer.title}</Domain>
        </p>
        <h2 id="fiche-titre" tabIndex={-1} ref={heading} lang={named ? frLang : undefined}>
          {named ? formatField(rawName, 'texte', locale) : <Domain>{sublayer.title}</Domain>}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('ui.feature.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {rows.length > 0 ? (
        <dl>
          {rows.map((field) => {
            const value = properties[field.key];
            return (
              <div key={field.key} className="field">
                <dt>
                  <Domain>{field.label}</Domain>
                </dt>
                <dd lang={NUMERIC.has(field.format ?? 'texte') ? undefined : frLang}>
                  {field.format === 'lien' && isHttpUrl(value) ? (
                    <ExternalLink href={value}>{value}</ExternalLink>
                  ) : (
                    formatField(value, field.format === 'lien' ? 'texte' : field.format, locale)
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="note">{t('ui.feature.noMore')}</p>
      )}
      {cards.length > 0 && (
        <div className="feature-cards">
          <p id="fiches-de-l-objet">{t('ui.feature.cards')}</p>
          <ul aria-labelledby="fiches-de-l-objet">
            {cards.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => onOpenCard(c.id)} lang={frLang}>
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
