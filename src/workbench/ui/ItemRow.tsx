// One workspace item: visibility, name, colour, opacity, order, how it was read, export, remove.
import { useId, useState } from 'react';
import type { CrsCode, ExportFormat, Rgb, WorkspaceItem } from '../types';
import { CRS_CODES, crsLabel, CRS_SOURCE_LABELS, EXPORT_LABELS, FORMAT_LABELS, formatInt, geometrySummary } from './labels';

const toHex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const fromHex = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

const KIND_LABELS: Record<WorkspaceItem['kind'], string> = { import: 'Fichier importé', resultat: "Résultat d'analyse", mesure: 'Mesure' };

export interface ItemActions {
  update: (id: string, patch: Partial<Pick<WorkspaceItem, 'name' | 'colour' | 'opacity' | 'visible'>>) => void;
  move: (id: string, direction: 1 | -1) => void;
  remove: (id: string) => void;
  reproject: (id: string, crs: CrsCode) => void;
  exportAs: (id: string, format: ExportFormat) => void;
  frame: (item: WorkspaceItem) => void;
  open: (id: string) => void;
}

export function ItemRow({ item, first, last, unsaved, actions }: { item: WorkspaceItem; first: boolean; last: boolean; unsaved: boolean; actions: ItemActions }) {
  const uid = useId();
  const [format, setFormat] = useState<ExportFormat>('geojson');
  const [name, setName] = useState(item.name);
  const [confirming, setConfirming] = useState(false);
  const origin = item.origin;
  return (
    <li className="wb-item" aria-labelledby={`${uid}-nom`}>
      <div className="wb-item-head">
        <span className="wb-swatch" style={{ background: toHex(item.colour), opacity: item.opacity }} aria-hidden="true" />
        <input
          type="checkbox"
          id={`${uid}-vis`}
          checked={item.visible}
          onChange={(e) => actions.update(item.id, { visible: e.target.checked })}
        />
        <label htmlFor={`${uid}-vis`} id={`${uid}-nom`} className="wb-item-name">
          {item.name}
        </label>
        <span className="wb-kind">{KIND_LABELS[item.kind]}</span>
      </div>
      <p className="wb-item-meta">
        {formatInt(item.featureCount)} entité{item.featureCount > 1 ? 's' : ''} · {geometrySummary(item.geometryTypes)}
        {origin && (
          <>
            {' '}
            · {FORMAT_LABELS[origin.format]} « {origin.fileName} »
          </>
        )}
        {unsaved && <strong className="wb-unsaved"> · non enregistrée (ne survivra pas au rechargement)</strong>}
      </p>
      {origin && (
        <div className="wb-crs">
          <label htmlFor={`${uid}-crs`}>
            Système de coordonnées ({origin.crs.code === origin.crsUsed ? CRS_SOURCE_LABELS[origin.crs.source] : 'choisi par vous'})
          </label>
          <select id={`${uid}-crs`} value={origin.crsUsed} onChange={(e) => actions.reproject(item.id, e.target.value as CrsCode)}>
            {CRS_CODES.map((c) => (
              <option key={c} value={c}>
                {crsLabel(c)}
              </option>
            ))}
          </select>
          <p className="wb-hint">{origin.crs.detail}</p>
          {origin.warnings.length > 0 && (
            <ul className="wb-warnings" aria-label={`Avertissements pour ${item.name}`}>
              {origin.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <details className="wb-style">
        <summary>Style et nom</summary>
        <label htmlFor={`${uid}-renommer`}>Nom</label>
        <input
          id={`${uid}-renommer`}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && name !== item.name && actions.update(item.id, { name: name.trim() })}
        />
        <label htmlFor={`${uid}-couleur`}>Couleur</label>
        <input id={`${uid}-couleur`} type="color" value={toHex(item.colour)} onChange={(e) => actions.update(item.id, { colour: fromHex(e.target.value) })} />
        <label htmlFor={`${uid}-opacite`}>Opacité : {Math.round(item.opacity * 100)} %</label>
        <input
          id={`${uid}-opacite`}
          type="range"
          min={0.1}
          max={1}
          step={0.05}
          value={item.opacity}
          onChange={(e) => actions.update(item.id, { opacity: Number(e.target.value) })}
        />
      </details>
      <div className="wb-actions">
        <button type="button" onClick={() => actions.frame(item)} disabled={!item.bounds}>
          Cadrer
        </button>
        <button type="button" onClick={() => actions.open(item.id)}>
          {item.kind === 'resultat' ? 'Voir le résultat' : 'Analyser'}
        </button>
        <button type="button" onClick={() => actions.move(item.id, 1)} disabled={last} aria-label={`Monter « ${item.name} » (dessinée au-dessus)`}>
          ↑
        </button>
        <button type="button" onClick={() => actions.move(item.id, -1)} disabled={first} aria-label={`Descendre « ${item.name} » (dessinée en dessous)`}>
          ↓
        </button>
      </div>
      <div className="wb-export">
        <label htmlFor={`${uid}-format`}>Exporter en</label>
        <select id={`${uid}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((f) => (
            <option key={f} value={f}>
              {EXPORT_LABELS[f]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => actions.exportAs(item.id, format)}>
          Exporter « {item.name} »
        </button>
      </div>
      {confirming ? (
        <div className="wb-confirm" role="group" aria-label={`Confirmer la suppression de « ${item.name} »`}>
          <span>Supprimer « {item.name} » de l'espace de travail ?</span>
          <button type="button" className="wb-danger" onClick={() => actions.remove(item.id)}>
            Oui, supprimer
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Non
          </button>
        </div>
      ) : (
        <button type="button" className="wb-remove" onClick={() => setConfirming(true)}>
          Supprimer…
        </button>
      )}
    </li>
  );
}
