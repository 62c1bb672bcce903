// Minimal checks on records read back from IndexedDB: a record written by an older build, a
// browser bug or a hand edit must not crash the workspace; it is skipped and reported instead.
import type { WorkspaceItem } from '../../../core/types';

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const tupleOf =
  (n: number): Check =>
  (v) =>
    Array.isArray(v) && v.length === n && v.every(isNumber);
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const isCredit: Check = (v) => isObject(v) && ['producer', 'date', 'licence', 'attribution'].every((k) => isString(v[k]));

const FIELDS: Record<keyof WorkspaceItem, Check | null> = {
  id: (v) => isString(v) && (v as string).length > 0,
  kind: (v) => v === 'import' || v === 'resultat' || v === 'mesure',
  name: isString,
  colour: tupleOf(3),
  opacity: (v) => isNumber(v) && (v as number) >= 0 && (v as number) <= 1,
  order: isNumber,
  visible: (v) => typeof v === 'boolean',
  createdAt: isString,
  featureCount: (v) => Number.isInteger(v) && (v as number) >= 0,
  geometryTypes: (v) => isObject(v) && Object.values(v).every(isNumber),
  bounds: (v) => v === null || tupleOf(4)(v),
  propertyNames: arrayOf(isString),
  credits: arrayOf(isCredit),
  outlines: (v) => v === undefined || typeof v === 'boolean',
  // Optional and deep: the UI reads them defensively; only their presence as objects is checked.
  origin: null,
  analysis: null,
};

/** Name of the first invalid field, or null when the record looks like a WorkspaceItem. */
export function invalidField(value: unknown): string | null {
  if (!isObject(value)) return 'enregistrement';
  for (const [field, check] of Object.entries(FIELDS) as [keyof WorkspaceItem, Check | null][]) {
    if (check === null) {
      if (value[field] !== undefined && !isObject(value[field])) return field;
    } else if (!check(value[field])) return field;
  }
  return null;
}

export function isWorkspaceItem(value: unknown): value is WorkspaceItem {
  return invalidField(value) === null;
}

/** Best-effort label of a corrupt record for the problem message. */
export function recordLabel(value: unknown, key: IDBValidKey): string {
  const name = isObject(value) && typeof value.name === 'string' && value.name ? `« ${value.name} »` : null;
  return name ?? `identifiant « ${String(key)} »`;
}
