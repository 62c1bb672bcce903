// How the page writes a figure: label in the UI's language, value with its unit or the plain
// sentence when the commune has nothing, rank « 3e sur 36 », CALL total.
import type { CommuneFigure, FigureTotal } from '../../../layers/commune-profile';
import type { I18n } from '../i18n';
import { fr, type MessageKey } from '../i18n/catalogue';
import { decimalsOf, ordinal, unitText } from './data';

export function figureLabel(i18n: Pick<I18n, 't'>, f: Pick<CommuneFigure, 'id' | 'label'>): string {
  const key = `commune.figure.${f.id}` as MessageKey;
  return key in fr ? i18n.t(key) : f.label;
}

export function figureValue(i18n: Pick<I18n, 't' | 'fmt'>, f: Pick<CommuneFigure, 'value' | 'unit'>): string {
  return `${i18n.fmt.fixed(f.value, decimalsOf(f))}${unitText(f.unit, i18n.t('commune.unit.habitants'))}`.trim();
}

/** The value, or what the commune lacks (« aucun terril recensé ») when it is zero. */
export function figureValueOrNone(i18n: Pick<I18n, 't' | 'fmt' | 'locale'>, f: CommuneFigure): string {
  if (f.value === 0 && f.none) return i18n.locale === 'fr' ? f.none : i18n.t('commune.none');
  return figureValue(i18n, f);
}

export function rankText(i18n: Pick<I18n, 't' | 'locale'>, f: Pick<CommuneFigure, 'rank' | 'tiedWith'>): string {
  const o = ordinal(i18n.locale, f.rank);
  return f.tiedWith > 1 ? i18n.t('commune.rank.tied', { ordinal: o, others: f.tiedWith - 1 }) : i18n.t('commune.rank', { ordinal: o });
}

export function totalText(i18n: Pick<I18n, 't' | 'fmt'>, f: CommuneFigure, total: FigureTotal | undefined): string {
  const value = figureValue(i18n, { value: f.callTotal, unit: f.unit });
  if (!total) return value;
  if (total.kind === 'moyenne') return i18n.t('commune.total.mean', { total: value });
  if (total.kind === 'liste') return i18n.t('commune.total.list', { total: value });
  // The sum of the communes is shown only when it differs from the total beyond the display rounding.
  const shown = decimalsOf(f);
  if (Math.abs(total.gap) < 0.5 * 10 ** -shown) return value;
  return i18n.t('commune.total.sum', { total: value, sum: figureValue(i18n, { value: total.sumOfCommunes, unit: f.unit }) });
}

/** The box grown to hold a point (the nearest site may lie in another commune). */
export function around([w, s, e, n]: [number, number, number, number], [lon, lat]: [number, number]): [number, number, number, number] {
  return [Math.min(w, lon), Math.min(s, lat), Math.max(e, lon), Math.max(n, lat)];
}

/**
 * Address of the map framed on the commune (Web Mercator zoom fitting its box in about 900 × 650
 * CSS pixels), with a feature selected (highlighted, its sheet open) when one is given.
 */
export function mapLink(bounds: [number, number, number, number], feature?: { sublayer: string; index: number }): string {
  const [w, s, e, n] = bounds;
  const lat = (s + n) / 2;
  const lon = (w + e) / 2;
  const mercY = (phi: number) => Math.log(Math.tan(Math.PI / 4 + (phi * Math.PI) / 360));
  const zoomX = Math.log2((900 * 360) / (512 * Math.max(e - w, 1e-6)));
  const zoomY = Math.log2((650 * 2 * Math.PI) / (512 * Math.max(mercY(n) - mercY(s), 1e-9)));
  const zoom = Math.max(0, Math.min(18, Math.min(zoomX, zoomY) - 0.2));
  const camera = `carte=${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`;
  return feature ? `#${camera}&objet=${feature.sublayer}/${feature.index}` : `#${camera}`;
}
