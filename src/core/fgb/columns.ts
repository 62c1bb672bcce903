// Property columns: one type per key inferred over all features (numbers widen, other mixes become
// text), and each feature's values encoded for flatgeobuf's feature builder.
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { IProperties, JsonValue } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { FgbFeature } from './types';

/** Value kinds used to infer one column type per property key. */
type ValueKind = 'bool' | 'int32' | 'int53' | 'double' | 'string' | 'json';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function valueKind(value: unknown, key: string, index: number): ValueKind | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      if (!Number.isSafeInteger(value)) return 'double';
      return value >= INT32_MIN && value <= INT32_MAX ? 'int32' : 'int53';
    case 'string':
      return 'string';
    case 'object':
      return 'json';
    default:
      throw new Error(`FlatGeobuf: feature ${index}, property "${key}": unsupported value type ${typeof value}`);
  }
}

const NUMERIC_RANK: Partial<Record<ValueKind, number>> = { int32: 0, int53: 1, double: 2 };

/** Numbers widen (int32 → int53 → double); any other mix of kinds falls back to string. */
function mergeKinds(a: ValueKind, b: ValueKind): ValueKind {
  if (a === b) return a;
  const ra = NUMERIC_RANK[a];
  const rb = NUMERIC_RANK[b];
  if (ra !== undefined && rb !== undefined) return ra > rb ? a : b;
  return 'string';
}

const COLUMN_TYPE: Record<ValueKind, ColumnType> = {
  bool: ColumnType.Bool,
  int32: ColumnType.Int,
  int53: ColumnType.Long,
  double: ColumnType.Double,
  string: ColumnType.String,
  json: ColumnType.Json,
};

/**
 * One column per key seen in any feature, in first-seen order. A key whose
 * values mix types (e.g. number and string) becomes a String column and its
 * numbers/booleans are stringified, objects JSON-encoded. A key that is only
 * ever null gets a String column with no values.
 */
export function inferColumns(features: FgbFeature[]): ColumnMeta[] {
  const kinds = new Map<string, ValueKind | null>();
  features.forEach((feature, index) => {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const kind = valueKind(value, key, index);
      const known = kinds.get(key);
      if (known === undefined || known === null) kinds.set(key, kind);
      else if (kind !== null) kinds.set(key, mergeKinds(known, kind));
    }
  });
  return [...kinds].map(([name, kind]) => ({
    name,
    type: COLUMN_TYPE[kind ?? 'string'],
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  }));
}

/** Maps every column to a value buildFeature can encode; null means "omitted". */
export function toFlatgeobufProperties(properties: Record<string, unknown> | null, columns: ColumnMeta[], index: number): IProperties {
  const out: IProperties = {};
  for (const column of columns) {
    const value = properties?.[column.name];
    // buildFeature skips only `null`; `undefined` would write a corrupt value.
    if (value === null || value === undefined) {
      out[column.name] = null;
    } else if (column.type === ColumnType.String && typeof value !== 'string') {
      out[column.name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    } else if (column.type === ColumnType.Json) {
      // buildFeature JSON-encodes Json columns itself.
      out[column.name] = value as JsonValue;
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[column.name] = value;
    } else {
      throw new Error(`FlatGeobuf: feature ${index}, property "${column.name}": unexpected value`);
    }
  }
  return out;
}
