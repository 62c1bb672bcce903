// The report's figures as a full page (#chiffres): every figure of every card in one accessible
// table (sortable by any column, filterable), downloadable as CSV and JSON with the report named
// as source. Loaded on demand: the map's first download does not carry it.
import { PageShell } from '../layout/PageShell';
import { useEffect, useId, useMemo, useState } from 'react';
import type { CardsState } from '../data/cards';
import { useI18n, type MessageKey } from '../i18n';
import { Fr, useFrLang } from '../i18n/Localized';
import { announce } from '../a11y/announce';
import { formatQuantity } from '../cards/format';
import { formatHash, parseHash } from '../state/url-state';
import { Badge } from '../ui/Badge';
import { download } from '../workbench/download';
import { figureRows, figuresCsv, figuresJson, type FigureRow } from './dataset';
import { filterFigures, sortFigures, type FigureColumn, type FigureSort } from './sort';
import '../ui/table.css';
import './figures.css';

interface FiguresPageProps {
  state: CardsState;
  /** Address of the map. */
  mapHref: string;
  search?: React.ReactNode;
  statementHref?: string;
}

const COLUMNS: { key: FigureColumn; label: MessageKey; numeric?: boolean }[] = [
  { key: 'label', label: 'report.figures.col.label' },
  { key: 'value', label: 'report.figures.col.value', numeric: true },
  { key: 'unit', label: 'report.figures.col.unit' },
  { key: 'year', label: 'report.figures.col.year' },
  { key: 'measured', label: 'report.figures.col.measured', numeric: true },
  { key: 'card', label: 'report.figures.col.card' },
  { key: 'section', label: 'report.figures.col.section' },
  { key: 'quote', label: 'report.figures.col.quote' },
];

const FILE_BASE = 'chiffres-rapport-developpement-durable-2019-2020';

/** Address of the full-page card, keeping the rest of the view (layers, camera) for the way back. */
const cardHref = (id: string): string => formatHash({ ...parseHash(window.location.hash), page: 'fiches', card: id });

export default function FiguresPage({ state, mapHref, search, statementHref }: FiguresPageProps) {
  const { t, tn, locale } = useI18n();
  const lang = useFrLang();
  const uid = useId();
  // No sort at first: the rows come in the order of the downloads (card by card, figure by figure).
  const [sort, setSort] = useState<FigureSort | null>(null);
  const [text, setText] = useState('');
  const [cardId, setCardId] = useState('');
  const [measuredOnly, setMeasuredOnly] = useState(false);
  const file = state.status === 'ok' ? state.file : null;
  const rows = useMemo(() => (file ? figureRows(file) : []), [file]);
  const shown = useMemo(() => sortFigures(filterFigures(rows, { text, cardId, measuredOnly }), sort), [rows, text, cardId, measuredOnly, sort]);

  // The count is announced once typing pauses, not at every key.
  useEffect(() => {
    if (!text && !cardId && !measuredOnly) return;
    const timer = setTimeout(() => announce(tn('report.figures.shown', shown.length, { total: rows.length })), 500);
    return () => clearTimeout(timer);
  }, [text, cardId, measuredOnly, shown.length, rows.length, tn]);

  const sortBy = (key: FigureColumn, label: string) => {
    const direction = sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setSort({ key, direction });
    announce(t(direction === 'ascending' ? 'ui.table.sortedAsc' : 'ui.table.sortedDesc', { column: label }));
  };

  return (
    <PageShell subtitle={t('report.figures.subtitle')} search={search} mapHref={mapHref}>
      <main id="contenu" className="cards-page figures-page" tabIndex={-1}>
        <h2>{t('report.figures.title')}</h2>
        {state.status === 'chargement' && <Badge kind="chargement">{t('report.figures.loading')}</Badge>}
        {state.status === 'erreur' && (
          <p className="cards-error" role="alert">
            <strong>{t('report.figures.error')}</strong>
            {t('ui.colon')}
            <Fr>{state.message}</Fr>
          </p>
        )}
        {file && (
          <>
            <p className="report-intro">
              {t('report.figures.intro')}
              {t('report.figures.source')}
              <cite lang={lang}>{file.report.title}</cite>
              {file.report.authority && <span lang={lang}>, {file.report.authority}</span>}, {t('report.figures.act', { act: file.report.act })}
              <span lang={lang}>{file.report.date}</span>.
            </p>
            <p className="note">{t('report.figures.yearRule')}</p>
            <p className="figures-links">
              <a href={formatHash({ ...parseHash(window.location.hash), page: 'fiches', card: undefined })}>{t('report.figures.back')}</a>
            </p>
            <div className="figures-downloads" role="group" aria-label={t('report.figures.download')}>
              <button
                type="button"
                className="secondary-button"
                onClick={() => download({ fileName: `${FILE_BASE}.csv`, mime: 'text/csv;charset=utf-8', bytes: figuresCsv(file) })}
              >
                {t('report.figures.csv', { n: rows.length })}
              </button>
              <button
                type="button"
                className="secondary-button"
                onClick={() => download({ fileName: `${FILE_BASE}.json`, mime: 'application/json', bytes: figuresJson(file) })}
              >
                {t('report.figures.json', { n: rows.length })}
              </button>
              <p className="note">{t('report.figures.csvNote')}</p>
            </div>
            <div className="figures-filters">
              <div className="table-filter">
                <label htmlFor={`${uid}-filtre`}>{t('report.figures.filter')}</label>
                <input id={`${uid}-filtre`} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
              </div>
              <div className="table-filter">
                <label htmlFor={`${uid}-fiche`}>{t('report.figures.card')}</label>
                <select id={`${uid}-fiche`} value={cardId} onChange={(e) => setCardId(e.target.value)}>
                  <option value="">{t('report.figures.allCards')}</option>
                  {file.cards.map((c) => (
                    <option key={c.id} value={c.id} lang={lang}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="figures-check">
                <input id={`${uid}-mesure`} type="checkbox" checked={measuredOnly} onChange={(e) => setMeasuredOnly(e.target.checked)} />
                <label htmlFor={`${uid}-mesure`}>{t('report.figures.measuredOnly')}</label>
              </div>
              <p className="card-count" role="status">
                {tn('report.figures.shown', shown.length, { total: rows.length })}
              </p>
            </div>
            <div className="table-scroll figures-scroll" tabIndex={0} role="group" aria-labelledby={`${uid}-legende`}>
              <table className="feature-table figures-table" data-figures={shown.length}>
                <caption id={`${uid}-legende`}>{t('report.figures.caption')}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => {
                      const sorted = sort?.key === c.key ? sort.direction : undefined;
                      const label = t(c.label);
                      return (
                        <th key={c.key} scope="col" aria-sort={sorted ?? 'none'} className={c.numeric ? 'num' : undefined} data-column={c.key}>
                          <button type="button" className="sort-button" onClick={() => sortBy(c.key, label)}>
                            {label}
                            <span className="sort-mark" aria-hidden="true">
                              {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row) => (
                    <FigureLine
                      key={`${row.cardId}/${row.figureId}`}
                      row={row}
                      lang={lang}
                      locale={locale}
                      noYear={t('report.figures.noYear')}
                      noMeasure={t('report.figures.noMeasure')}
                    />
                  ))}
                </tbody>
              </table>
              {shown.length === 0 && <p className="note">{t('report.figures.none')}</p>}
            </div>
          </>
        )}
        {statementHref && (
          <p className="statement-link">
            <a href={statementHref}>{t('a11y.link')}</a>
          </p>
        )}
      </main>
    </PageShell>
  );
}

interface FigureLineProps {
  row: FigureRow;
  lang: 'fr' | undefined;
  locale: 'fr' | 'en';
  noYear: string;
  noMeasure: string;
}

function FigureLine({ row, lang, locale, noYear, noMeasure }: FigureLineProps) {
  return (
    <tr data-figure={`${row.cardId}/${row.figureId}`}>
      <th scope="row" lang={lang}>
        {row.label}
      </th>
      <td className="num" data-valeur={row.value}>
        {formatQuantity(row.value, '', undefined, locale)}
      </td>
      <td lang={lang}>{row.unit}</td>
      <td>{row.year ?? <span className="no-data">{noYear}</span>}</td>
      <td className="num">
        {row.measured ? formatQuantity(row.measured.value, row.measured.unit, row.unit, locale) : <span className="no-data">{noMeasure}</span>}
      </td>
      <td lang={lang}>
        <a href={cardHref(row.cardId)}>{row.cardTitle}</a>
      </td>
      <td lang={lang}>{row.section}</td>
      <td lang={lang} className="figures-quote">
        « {row.quote} »
      </td>
    </tr>
  );
}
