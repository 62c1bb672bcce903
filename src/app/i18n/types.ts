// Message catalogues: French is the source; every other language must define the same keys
// (checked by the type-checker), with the same {placeholders}.
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** A catalogue with the same keys as the French one, any wording. */
export type Catalogue<T> = { readonly [K in keyof T]: string };

export type Params = Record<string, string | number>;
