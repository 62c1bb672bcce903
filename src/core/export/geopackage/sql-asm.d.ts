// sql.js's asm.js build (plain JavaScript: no WebAssembly, so no 'wasm-unsafe-eval' in the CSP).
declare module 'sql.js/dist/sql-asm.js' {
  import type initSqlJs from 'sql.js';
  const init: typeof initSqlJs;
  export default init;
}
