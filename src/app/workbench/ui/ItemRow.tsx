// One workspace item: visibility, name, colour, opacity, order, how it was read, export, remove.
import { useId, useState } from 'react';
import type { CrsCode, ExportCrs, ExportFormat, Rgb, WorkspaceItem } from '../../../core/types';
import { CRS_CODES, crsLabel, crsSourceLabel, FORMAT_LABELS, geometrySummary } from './labels';
import { ExportChoice, useExportChoice } from './ExportChoice';
import { OUTLINE_AUTO_LIMIT, outlinesShown, polygonCount } from '../items';
import { useI18n, type MessageKey } from '../../i18n';
import { useFrLang } from '../../i18n/Localized';

const toHex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const fromHex = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

const KIND_LABELS: Record<WorkspaceItem['kind'], MessageKey> = { import: 'wb.kind.import', resultat: 'wb.kind.result', mesure: 'wb.kind.measure' };

export interface ItemActions {
  update: (id: string, patch: Partial<Pick<WorkspaceItem, 'name' | 'colour' | 'opacity' | 'visible' | 'outlines'>>) => void;
  move: (id: string, direction: 1 | -1) => void;
  remove: (id: string) => void;
  reproject: (id: string, crs: CrsCode) => void;
  exportAs: (id: string, format: ExportFormat, crs: ExportCrs) => void;
  frame: (item: WorkspaceItem) => void;
  open: (id: string) => void;
}

export function ItemRow({
  item,
  first,
  last,
  unsaved,
  actions,
}: {
  item: WorkspaceItem;
  first: boolean;
  last: boolean;
  unsaved: boolean;
  actions: ItemActions;
}) {
  const { t, tn, locale } = useI18n();
  const frLang = useFrLang();
  const uid = useId();
  const exportChoice = useExportChoice();
  const [name, setName] = useState(item.name);
  const [confirming, setConfirming] = useState(false);
  const origin = item.origin;
  return (
    <li className="wb-item" aria-labelledby={`${uid}-nom`}>
      <div className="wb-item-head">
        <span className="wb-swatch" style={{ background: toHex(item.colour), opacity: item.opacity }} aria-hidden="true" />
        <input type="checkbox" id={`${uid}-vis`} checked={item.visible} onChange={(e) => actions.update(item.id, { visible: e.target.checked })} />
        <label htmlFor={`${uid}-vis`} id={`${uid}-nom`} className="wb-item-name">
          {item.name}
        </label>
        <span className="wb-kind">{t(KIND_LABELS[item.kind])}</span>
      </div>
      <p className="wb-item-meta">
        {tn('wb.count.features', item.featureCount)} · {geometrySummary(item.geometryTypes, locale)}
        {origin && <> · {t('wb.item.origin', { format: FORMAT_LABELS[origin.format], name: origin.fileName })}</>}
        {unsaved && <strong className="wb-unsaved"> · {t('wb.item.unsaved')}</strong>}
      </p>
      {origin && (
        <div className="wb-crs">
          <label htmlFor={`${uid}-crs`}>
            {t('wb.item.crs', {
              how: origin.crs.code === origin.crsUsed ? crsSourceLabel(origin.crs.source, locale) : crsSourceLabel('utilisateur', locale),
            })}
          </label>
          <select id={`${uid}-crs`} value={origin.crsUsed} onChange={(e) => actions.reproject(item.id, e.target.value as CrsCode)}>
            {CRS_CODES.map((c) => (
              <option key={c} value={c}>
                {crsLabel(c)}
              </option>
            ))}
          </select>
          <p className="wb-hint" lang={frLang}>
            {origin.crs.detail}
          </p>
          {origin.warnings.length > 0 && (
            <ul className="wb-warnings" aria-label={t('wb.item.warnings', { name: item.name })} lang={frLang}>
              {origin.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <details className="wb-style">
        <summary>{t('wb.item.style')}</summary>
        <label htmlFor={`${uid}-renommer`}>{t('wb.item.name')}</label>
        <input
          id={`${uid}-renommer`}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && name !== item.name && actions.update(item.id, { name: name.trim() })}
        />
        <label htmlFor={`${uid}-couleur`}>{t('wb.item.colour')}</label>
        <input
          id={`${uid}-couleur`}
          type="color"
          value={toHex(item.colour)}
          onChange={(e) => actions.update(item.id, { colour: fromHex(e.target.value) })}
        />
        <label htmlFor={`${uid}-opacite`}>{t('wb.item.opacity', { percent: Math.round(item.opacity * 100) })}</label>
        <input
          id={`${uid}-opacite`}
          type="range"
          min={0.1}
          max={1}
          step={0.05}
          value={item.opacity}
          onChange={(e) => actions.update(item.id, { opacity: Number(e.target.value) })}
        />
        {polygonCount(item) > 0 && (
          <>
            <label className="wb-check">
              <input type="checkbox" checked={outlinesShown(item)} onChange={(e) => actions.update(item.id, { outlines: e.target.checked })} />
              {t('wb.item.outlines')}
            </label>
            {item.outlines === undefined && !outlinesShown(item) && <p className="wb-hint">{t('wb.item.outlinesAuto', { n: OUTLINE_AUTO_LIMIT })}</p>}
          </>
        )}
      </details>
      <div className="wb-actions">
        <button type="button" onClick={() => actions.frame(item)} disabled={!item.bounds}>
          {t('wb.item.frame')}
        </button>
        <button type="button" onClick={() => actions.open(item.id)}>
          {item.kind === 'resultat' ? t('wb.item.seeResult') : t('wb.item.analyse')}
        </button>
        <button type="button" onClick={() => actions.move(item.id, 1)} disabled={last} aria-label={t('wb.item.up', { name: item.name })}>
          ↑
        </button>
        <button type="button" onClick={() => actions.move(item.id, -1)} disabled={first} aria-label={t('wb.item.down', { name: item.name })}>
          ↓
        </button>
      </div>
      <div className="wb-export">
        <ExportChoice uid={uid} choice={exportChoice} formatLabel={t('wb.item.exportAs')} />
        <button type="button" onClick={() => actions.exportAs(item.id, exportChoice.format, exportChoice.crs)}>
          {t('wb.item.export', { name: item.name })}
        </button>
      </div>
      {confirming ? (
        <div className="wb-confirm" role="group" aria-label={t('wb.item.confirmLabel', { name: item.name })}>
          <span>{t('wb.item.confirm', { name: item.name })}</span>
          <button type="button" className="wb-danger" onClick={() => actions.remove(item.id)}>
            {t('wb.item.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('wb.item.confirmNo')}
          </button>
        </div>
      ) : (
        <button type="button" className="wb-remove" onClick={() => setConfirming(true)}>
          {t('wb.item.remove')}
        </button>
      )}
    </li>
  );
}
