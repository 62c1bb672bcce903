// Table view of one sublayer: every feature with the feature panel's information, sortable by any
// column (aria-sort on the header), filterable, each name a button that selects the feature on the
// map and frames it. Opens with the focus on its title and gives it back to its opener on close.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GeoFeature, LayerDefinition, SublayerDefinition } from '../../../layers/types';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { Domain, useFrLang } from '../i18n/Localized';
import { announce } from '../a11y/announce';
import { columnsOf, filterRows, rowsOf, sortRows, type Sort } from './feature-rows';
import './table.css';

interface FeatureTableProps {
  layer: LayerDefinition;
  sublayer: SublayerDefinition;
  features: GeoFeature[];
  selectedIndex: number | null;
  onSelect: (sublayerId: string, index: number) => void;
  onClose: () => void;
}

export function FeatureTable({ layer, sublayer, features, selectedIndex, onSelect, onClose }: FeatureTableProps) {
  const { t, tn, locale } = useI18n();
  const frLang = useFrLang();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [sort, setSort] = useState<Sort>({ key: sublayer.nameField, direction: 'ascending' });
  const [filter, setFilter] = useState('');
  const columns = useMemo(() => columnsOf(sublayer), [sublayer]);
  const rows = useMemo(() => rowsOf(sublayer, features, locale, (n) => t('ui.table.unnamed', { n })), [sublayer, features, locale, t]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort, locale), [rows, filter, sort, locale]);

  useEffect(() => {
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const target = returnTo.current;
      if (target?.isConnected && target.offsetParent !== null) target.focus();
    };
  }, []);
  useEffect(() => heading.current?.focus(), [sublayer.id]);

  // The count is announced once typing pauses, not at every key.
  useEffect(() => {
    if (!filter) return;
    const timer = setTimeout(() => announce(tn('ui.table.rowsShown', shown.length, { total: rows.length })), 500);
    return () => clearTimeout(timer);
  }, [filter, shown.length, rows.length, tn]);

  const sortBy = (key: string) => {
    const direction = sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setSort({ key, direction });
    const label = domainString(locale, columns.find((c) => c.key === key)?.label ?? key);
    announce(t(direction === 'ascending' ? 'ui.table.sortedAsc' : 'ui.table.sortedDesc', { column: label }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  const title = domainString(locale, sublayer.title);
  return (
    <section className="table-view" role="region" aria-labelledby={`${uid}-titre`} onKeyDown={onKeyDown} data-table={sublayer.id}>
      <header className="table-view-head">
        <h2 id={`${uid}-titre`} tabIndex={-1} ref={heading}>
          {t('ui.table.title', { title })}
        </h2>
        <p className="note">
          <Domain>{layer.title}</Domain> · {tn('ui.table.rowsShown', shown.length, { total: rows.length })}
        </p>
        <button type="button" className="close" onClick={onClose} aria-label={t('ui.table.close', { title })}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="table-filter">
        <label htmlFor={`${uid}-filtre`}>{t('ui.table.filter')}</label>
        <input id={`${uid}-filtre`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </div>
      <div className="table-scroll" tabIndex={0} role="group" aria-labelledby={`${uid}-titre`}>
        <table className="feature-table">
          <caption className="visually-hidden">{t('ui.table.caption', { title })}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = sort.key === c.key ? sort.direction : undefined;
                return (
                  <th key={c.key} scope="col" aria-sort={sorted ?? 'none'} className={c.numeric ? 'num' : undefined}>
                    <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                      <Domain>{c.label}</Domain>
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
            {shown.map((row) => {
              const selected = row.index === selectedIndex;
              return (
                <tr key={row.index} className={selected ? 'selected' : undefined} data-index={row.index}>
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.key} scope="row">
                        <button
                          type="button"
                          className="link-button"
                          lang={frLang}
                          aria-current={selected ? 'true' : undefined}
                          onClick={() => onSelect(sublayer.id, row.index)}
                        >
                          {row.name}
                        </button>
                        {selected && <span className="selected-mark"> {t('ui.table.selected')}</span>}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? 'num' : undefined} lang={c.numeric ? undefined : frLang}>
                        {row.cells[c.key]?.text}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="note">{t('ui.table.none')}</p>}
      </div>
    </section>
  );
}
