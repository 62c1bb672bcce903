// SQLite for the GeoPackage writer, loaded on first use only (a lazy chunk of ~480 kB gzip that no
// other export pays for). The asm.js build of sql.js is chosen over its WebAssembly one: it runs
// under the app's CSP as it is (WebAssembly would need 'wasm-unsafe-eval'), in the worker and in
// Node alike, and a GeoPackage of 100,000 features is written in seconds either way.
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlite(): Promise<SqlJsStatic> {
  loading ??= import('sql.js/dist/sql-asm.js')
    .then((module) => {
      // CommonJS through Vite or Node: the init function is the default export, or nested once more.
      const exported: unknown = module.default ?? module;
      const init = (typeof exported === 'function' ? exported : (exported as { default: unknown }).default) as () => Promise<SqlJsStatic>;
      return init();
    })
    .catch((error: unknown) => {
      loading = null;
      throw new Error(
        `export GeoPackage impossible : le moteur SQLite n'a pas pu être chargé (${error instanceof Error ? error.message : String(error)})`,
        {
          cause: error,
        },
      );
    });
  return loading;
}
