// One report card: where it stands in the report, finalités, figures (reported vs measured, with
// quotes), charts, officials, partners, perspectives, and what it shows on the map.
import { useEffect, useRef, type ReactNode } from 'react';
import type { BuiltCard, CardsFile } from '../../../layers/cards';
import { FINALITES } from '../../../layers/cards';
import { findSublayer } from '../../../layers/index';
import { formatCount } from '../ui/format';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { Domain, useFrLang } from '../i18n/Localized';
import { CardChart } from './CardChart';
import { FigureTable } from './FigureTable';
import { MapMeasures } from './MapMeasures';
import { Quote } from './Quote';
import { orderedFinalites } from './format';
import { FoundPassage } from '../search/text/FoundPassage';
import { clearPassage, usePassage } from '../search/text/passage-store';

export interface LinkedCount {
  sublayerId: string;
  count: number;
}

interface CardViewProps {
  card: BuiltCard;
  report: CardsFile['report'];
  /** Features highlighted on the map per linked sublayer; null when the map is not shown. */
  linked: LinkedCount[] | null;
  /** Move focus to the title: when the reader opened the card, not when an address did. */
  focusOnOpen: boolean;
  onBack: () => void;
  /** Map mode: frame the card's features again. */
  onFrame?: () => void;
  /** Page mode: address of the map with this card open. */
  mapHref?: string;
  /** Map mode: what the map shows of the card, and « Afficher toutes les couches » (FocusToggle). */
  focus?: ReactNode;
}

export function CardView({ card, report, linked, focusOnOpen, onBack, onFrame, mapHref, focus }: CardViewProps) {
  const { t, locale } = useI18n();
  const lang = useFrLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // A card opened at a sentence found by the search gives the focus to that sentence instead.
  const passage = usePassage(card.id);
  const atPassage = passage !== null;
  useEffect(() => {
    if (focusOnOpen && !atPassage) heading.current?.focus();
  }, [card.id, focusOnOpen, atPassage]);
  const linkedSublayers = [...new Set(card.links.map((l) => l.sublayer))];

  const sublayerTitle = (id: string) => domainString(locale, findSublayer(id)?.sublayer.title ?? id);
  return (
    <article className="card-view" aria-labelledby="fiche-rapport-titre" data-card={card.id}>
      <div className="card-view-nav">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            clearPassage();
            onBack();
          }}
        >
          <span aria-hidden="true">← </span>
          {t('cards.back')}
        </button>
        {mapHref && (
          <a className="button-link" href={mapHref}>
            {t('cards.seeOnMap')}
          </a>
        )}
      </div>
      <p className="card-path" lang={lang}>
        {card.part}
        <span aria-hidden="true"> › </span>
        <span className="visually-hidden">, </span>
        {card.theme}
        <span aria-hidden="true"> › </span>
        <span className="visually-hidden">, </span>
        {card.section}
      </p>
      <h2 id="fiche-rapport-titre" tabIndex={-1} ref={heading} lang={lang}>
        {card.title}
      </h2>
      <p className="card-summary" lang={lang}>
        {card.summary}
      </p>
      {passage && <FoundPassage passage={passage} section={card.section} />}
      {linked && focus}

      {card.links.length === 0 && <p className="note card-no-map">{t('cards.onMap.none')}</p>}
      {linked && card.links.length > 0 && (
        <section className="card-map" aria-labelledby="fiche-carte">
          <h3 id="fiche-carte">{t('cards.onMap')}</h3>
          <ul>
            {linkedSublayers.map((id) => {
              const count = linked.find((l) => l.sublayerId === id)?.count;
              return (
                <li key={id}>
                  {sublayerTitle(id)}
                  {t('ui.colon')}
                  {count === undefined ? t('cards.onMap.noGeometry') : t('cards.onMap.highlighted', { count: formatCount(count, locale) })}
                </li>
              );
            })}
          </ul>
          {onFrame && linked.some((l) => l.count > 0) && (
            <button type="button" className="secondary-button" onClick={onFrame}>
              {t('cards.reframe')}
            </button>
          )}
        </section>
      )}
      {!linked && card.links.length > 0 && (
        <p className="note">
          {t('cards.onMap')}
          {t('ui.colon')}
          {linkedSublayers.map(sublayerTitle).join(', ')}.
        </p>
      )}

      <section aria-labelledby="fiche-finalites">
        <h3 id="fiche-finalites">{t('cards.finalites.title')}</h3>
        <ul className="finalites">
          {orderedFinalites(card.finalites.values).map((f) => (
            <li key={f}>
              <Domain>{FINALITES[f] ?? f}</Domain>
            </li>
          ))}
        </ul>
        <p className="finalites-origin">{card.finalites.origin === 'atlas' ? t('cards.finalites.atlas') : t('cards.finalites.report')}</p>
        {card.finalites.quote && <Quote text={card.finalites.quote} section={card.section} />}
      </section>

      <section aria-labelledby="fiche-chiffres">
        <h3 id="fiche-chiffres">{t('cards.figures.title')}</h3>
        <p className="report-source">
          {t('cards.source.before')}
          <cite lang={lang}>{report.title}</cite> (<span lang={lang}>{report.date}</span>
          {t('cards.source.act', { act: report.act })})
        </p>
        {card.figures.length > 0 ? <FigureTable card={card} /> : <p className="note">{t('cards.figures.none')}</p>}
      </section>
      <MapMeasures card={card} />

      {card.charts && card.charts.length > 0 && (
        <section aria-labelledby="fiche-graphiques">
          <h3 id="fiche-graphiques">{t('cards.charts.title')}</h3>
          {card.charts.map((chart) => (
            <CardChart key={chart.id} card={card} chart={chart} />
          ))}
        </section>
      )}

      {card.officials.length > 0 && (
        <section aria-labelledby="fiche-elus">
          <h3 id="fiche-elus">{card.officials.length > 1 ? t('cards.officials.other') : t('cards.officials.one')}</h3>
          <ul lang={lang}>
            {card.officials.map((o) => (
              <li key={`${o.name}-${o.role}`}>
                <strong>{o.name}</strong>, {o.role}
              </li>
            ))}
          </ul>
        </section>
      )}
      <TextList id="fiche-partenaires" title={t('cards.partners')} items={card.partners} lang={lang} />
      <TextList id="fiche-perspectives" title={t('cards.perspectives')} items={card.perspectives} lang={lang} />
    </article>
  );
}

/** A titled list of the report's own words (partners, perspectives); nothing when empty. */
function TextList({ id, title, items, lang }: { id: string; title: string; items: string[]; lang?: 'fr' }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul lang={lang}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
