// The deck file validator, compiled from its JSON Schema at build time (ajv "standalone" code).
// ajv compiles schemas with `new Function` at run time: that needs 'unsafe-eval', which the
// atlas's Content-Security-Policy refuses. The app imports `virtual:deck-file-validator` instead.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { Plugin } from 'vite';
import { deckFileSchema } from '../../src/core/deck/schema.js';

export const DECK_VALIDATOR_MODULE = 'virtual:deck-file-validator';
const RESOLVED = `\0${DECK_VALIDATOR_MODULE}`;

/** ES module source of the validator (ajv's ESM output still `require`s its runtime helpers). */
export function deckValidatorSource(): string {
  const ajv = new Ajv({ allErrors: true, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(deckFileSchema));
  const imports: string[] = [];
  const body = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_m, name: string, path: string) => {
    imports.push(`import * as ${name}_module from ${JSON.stringify(`${path}.js`)};`);
    // A CommonJS module seen from ESM: its exports object is the default import.
    return `const ${name} = ${name}_module.default?.default ?? ${name}_module.default;`;
  });
  if (/\brequire\(/.test(body)) throw new Error('validateur de jeu : code ajv inattendu (require restant)');
  return `${imports.join('\n')}\n${body.replace(/^"use strict";/, '')}`;
}

export function deckValidator(): Plugin {
  return {
    name: 'atlas-deck-validator',
    resolveId: (id) => (id === DECK_VALIDATOR_MODULE ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? deckValidatorSource() : null),
  };
}
