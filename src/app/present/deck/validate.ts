// Reading a deck from a file or a link: JSON syntax, then the schema (ajv), then what this build
// knows (layers, cards). Every refusal is one French sentence naming the file and the place.
import type { ErrorObject } from 'ajv';
// Compiled from ./schema.ts at build time: ajv's run-time compiler needs eval (refused by the CSP).
import validateDeckFile from 'virtual:deck-file-validator';
import type { MessageKey, Params } from '../../i18n';
import { newId } from './model';
import { DECK_FILE_TYPE, DECK_FILE_VERSION, type Deck, type DeckFile, type Slide } from '../../../core/deck/types';

export type Translate = (key: MessageKey, params?: Params) => string;

/** Ids this build knows; `cards` is null while cards.json is not loaded (cards are then kept). */
export interface KnownIds {
  layers: ReadonlySet<string>;
  sublayers: ReadonlySet<string>;
  cards: ReadonlySet<string> | null;
}

export class DeckFileError extends Error {}

export interface DeckRead {
  deck: Deck;
  /** What was dropped or may not show as it did where the deck was made. */
  warnings: string[];
}

/** Decks files are small: a bigger one is not a deck (or not one we want to parse in the UI thread). */
export const DECK_FILE_MAX_BYTES = 1_000_000;

const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'present.file.field.title',
  note: 'present.file.field.note',
  slides: 'present.file.field.slides',
  kind: 'present.file.field.kind',
  id: 'present.file.field.id',
  card: 'present.file.field.card',
  view: 'present.file.field.view',
  camera: 'present.file.field.camera',
  bounds: 'present.file.field.bounds',
  layers: 'present.file.field.layers',
  sublayers: 'present.file.field.sublayers',
  basemap: 'present.file.field.basemap',
  selection: 'present.file.field.selection',
  imported: 'present.file.field.imported',
  zoom: 'present.file.field.zoom',
  lat: 'present.file.field.lat',
  lon: 'present.file.field.lon',
};

const fieldName = (name: string, t: Translate): string => (FIELD_KEYS[name] ? t(FIELD_KEYS[name]) : name);

/** "/deck/slides/2/view/camera/zoom" → "diapositive 3 › vue › caméra › zoom". */
function placeOf(path: string, t: Translate): string {
  const parts = path.split('/').filter(Boolean).slice(1);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'slides' && /^\d+$/.test(parts[i + 1] ?? '')) {
      words.push(t('present.file.place.slide', { n: Number(parts[i + 1]) + 1 }));
      i++;
    } else if (/^\d+$/.test(parts[i])) words.push(t('present.file.place.item', { n: Number(parts[i]) + 1 }));
    else words.push(fieldName(parts[i], t));
  }
  return words.length ? words.join(' › ') : t('present.file.place.deck');
}

function describe(error: ErrorObject, t: Translate): string {
  const place = placeOf(error.instancePath, t);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return t('present.file.error.required', { place, field: fieldName(String(p.missingProperty), t) });
    case 'additionalProperties':
      return t('present.file.error.unknownField', { place, field: String(p.additionalProperty) });
    case 'type':
      return t('present.file.error.type', { place, type: t(`present.file.type.${String(p.type)}` as MessageKey) });
    case 'enum':
      return t('present.file.error.enum', { place, allowed: (p.allowedValues as unknown[]).join(', ') });
    case 'maxLength':
    case 'maxItems':
      return t('present.file.error.tooLong', { place, limit: Number(p.limit) });
    case 'minItems':
      return t('present.file.error.tooShort', { place, limit: Number(p.limit) });
    case 'minimum':
    case 'maximum':
      return t('present.file.error.range', { place, limit: Number(p.limit) });
    default:
      return t('present.file.error.invalid', { place });
  }
}

/** Syntax error with its line and column when the engine gives a position. */
function jsonError(text: string, error: unknown, name: string, t: Translate): DeckFileError {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  if (!at) return new DeckFileError(t('present.file.error.json', { name }));
  const before = text.slice(0, Number(at[1])).split('\n');
  return new DeckFileError(t('present.file.error.jsonAt', { name, line: before.length, column: before[before.length - 1].length + 1 }));
}

export function readDeckText(text: string, name: string, t: Translate, known: KnownIds, now = new Date().toISOString()): DeckRead {
  if (text.length > DECK_FILE_MAX_BYTES) throw new DeckFileError(t('present.file.error.size', { name }));
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw jsonError(text, error, name, t);
  }
  return checkDeckFile(json, name, t, known, now);
}

export function checkDeckFile(json: unknown, name: string, t: Translate, known: KnownIds, now = new Date().toISOString()): DeckRead {
  const record = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (!record || record.type !== DECK_FILE_TYPE) throw new DeckFileError(t('present.file.error.notDeck', { name }));
  if (record.version !== DECK_FILE_VERSION) {
    throw new DeckFileError(t('present.file.error.version', { name, version: String(record.version), supported: DECK_FILE_VERSION }));
  }
  const validate = validateDeckFile;
  if (!validate(json)) {
    const details = (validate.errors ?? []).slice(0, 4).map((e) => describe(e, t));
    throw new DeckFileError(t('present.file.error.schema', { name, details: details.join(' ; ') }));
  }
  return withKnownIds(json as DeckFile, t, known, now);
}

/** Drops what this build does not know, and says so; ids are renewed (a copy never overwrites). */
function withKnownIds(file: DeckFile, t: Translate, known: KnownIds, now: string): DeckRead {
  const warnings: string[] = [];
  const slides: Slide[] = [];
  file.deck.slides.forEach((slide, i) => {
    const n = i + 1;
    if (slide.kind === 'fiche') {
      if (known.cards && !known.cards.has(slide.card)) warnings.push(t('present.file.warn.cardSlide', { n, card: slide.card }));
      else slides.push({ ...slide, id: newId('diapo') });
      return;
    }
    const view = { ...slide.view };
    const unknown = [...view.layers.filter((id) => !known.layers.has(id)), ...view.sublayers.filter((id) => !known.sublayers.has(id))];
    if (unknown.length) warnings.push(t('present.file.warn.layers', { n, ids: [...new Set(unknown)].join(', ') }));
    view.layers = view.layers.filter((id) => known.layers.has(id));
    view.sublayers = view.sublayers.filter((id) => known.sublayers.has(id));
    if (view.card && known.cards && !known.cards.has(view.card)) {
      warnings.push(t('present.file.warn.card', { n, card: view.card }));
      delete view.card;
    }
    if (view.selection && !known.sublayers.has(view.selection.sublayerId)) delete view.selection;
    if (view.imported?.length) warnings.push(t('present.file.warn.imported', { n }));
    slides.push({ ...slide, id: newId('diapo'), view });
  });
  const deck: Deck = { id: newId('jeu'), title: file.deck.title, slides, createdAt: file.deck.createdAt ?? now, updatedAt: now };
  return { deck, warnings };
}

/** The file written on export: what the import reads back. */
export function deckToFile(deck: Deck): DeckFile {
  const { title, slides, createdAt, updatedAt } = deck;
  return { type: DECK_FILE_TYPE, version: DECK_FILE_VERSION, deck: { title, slides, createdAt, updatedAt } };
}

/** File name from the deck's title: accents folded, safe characters only. */
export function deckFileName(deck: Deck): string {
  const slug = deck.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `jeu-${slug || 'diapositives'}.json`;
}
