// Generated at build time by scripts/build/deck-validator.ts from ./schema.ts.
declare module 'virtual:deck-file-validator' {
  import type { ErrorObject } from 'ajv';
  const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  export default validate;
}
