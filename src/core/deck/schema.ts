// JSON Schema of a deck file (and of a deck carried by a link), checked with ajv on import.
// Extensions written out: vite.config.ts loads this module (the deck validator is compiled at build).
import { basemaps } from '../map-style/basemaps.js';
import { DECK_FILE_TYPE, DECK_FILE_VERSION, DECK_LIMITS } from './types.js';

const id = { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 80 } as const;
const ids = { type: 'array', items: id, maxItems: DECK_LIMITS.ids } as const;

const camera = {
  type: 'object',
  required: ['zoom', 'lat', 'lon'],
  additionalProperties: false,
  properties: {
    zoom: { type: 'number', minimum: 0, maximum: 22 },
    lat: { type: 'number', minimum: -85, maximum: 85 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
  },
} as const;

const view = {
  type: 'object',
  required: ['layers', 'sublayers', 'basemap'],
  additionalProperties: false,
  properties: {
    camera,
    bounds: { type: 'array', items: { type: 'number', minimum: -180, maximum: 180 }, minItems: 4, maxItems: 4 },
    layers: ids,
    sublayers: ids,
    basemap: { type: 'string', enum: basemaps.map((b) => b.id) },
    selection: {
      type: 'object',
      required: ['sublayerId', 'index'],
      additionalProperties: false,
      properties: { sublayerId: id, index: { type: 'integer', minimum: 0 } },
    },
    card: id,
    imported: ids,
  },
} as const;

const slide = {
  type: 'object',
  required: ['id', 'kind', 'title', 'note'],
  additionalProperties: false,
  properties: {
    id,
    kind: { type: 'string', enum: ['fiche', 'vue'] },
    title: { type: 'string', maxLength: DECK_LIMITS.title },
    note: { type: 'string', maxLength: DECK_LIMITS.note },
    card: id,
    view,
  },
  allOf: [
    { if: { type: 'object', properties: { kind: { const: 'fiche' } } }, then: { type: 'object', required: ['card'] } },
    { if: { type: 'object', properties: { kind: { const: 'vue' } } }, then: { type: 'object', required: ['view'] } },
  ],
} as const;

export const deckFileSchema = {
  type: 'object',
  required: ['type', 'version', 'deck'],
  properties: {
    type: { const: DECK_FILE_TYPE },
    version: { const: DECK_FILE_VERSION },
    deck: {
      type: 'object',
      required: ['title', 'slides'],
      additionalProperties: false,
      properties: {
        title: { type: 'string', maxLength: DECK_LIMITS.title },
        slides: { type: 'array', items: slide, maxItems: DECK_LIMITS.slides },
        createdAt: { type: 'string', maxLength: 40 },
        updatedAt: { type: 'string', maxLength: 40 },
      },
    },
  },
} as const;
