// Lint: TypeScript and React hooks rules, plus the import boundaries that keep the architecture
// readable: layers/ ← src/core ← {src/app, src/worker, scripts}. The core and the layers also run in
// Node and in a worker, so they may not reach React, MapLibre at run time, the DOM or Node itself
// (tsconfig.core.json type-checks them without the DOM library).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'url', 'os', 'child_process', 'http', 'https', 'zlib', 'crypto', 'stream', 'worker_threads', 'module'];

const rule = (message, regex) => ({ regex, message });
const NODE = rule('Node-only module: the core and the layers also run in the browser and its worker.', `^(node:|(${nodeBuiltins.join('|')})(/|$))`);
const REACT = rule('React belongs to src/app.', '^react(-dom)?(/|$)');
const MAPLIBRE = rule('MapLibre at run time belongs to src/app (types are allowed).', '^maplibre-gl(/|$)');
const DECK = rule('deck.gl belongs to src/app.', '^@deck\\.gl/');
const APP = rule('src/app is the UI: nothing below it may import it.', '(^|/)app(/|$)');
const WORKER = rule('The worker is an entry point: share code through src/core.', '(^|/)worker(/|$)');
const SCRIPTS = rule('scripts/ are Node entry points: share code through src/core.', '(^|/)scripts(/|$)');
const SRC = rule('layers/ is the bottom of the graph: it may not import src/.', '(^|/)src(/|$)');
const SRC_UI = rule('The pipeline, CLIs and bench never import the UI or the worker: use src/core.', '(^|/)src/(app|worker)(/|$)');

const boundaries = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: p === MAPLIBRE })) }] },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', '.tmp/', '.cache/', 'coverage/', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // The importer and the exporters strip the control characters XML and DBF forbid: matching
      // them is their job, which is what this rule forbids.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules. The React Compiler's rules (refs, set-state-in-effect…) are left out: the
    // app is not compiled by it, and its "latest value in a ref" patterns are deliberate.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  boundaries(['layers/**'], [SRC, SCRIPTS, NODE, REACT, MAPLIBRE, DECK]),
  boundaries(['src/core/**'], [APP, WORKER, SCRIPTS, NODE, REACT, MAPLIBRE, DECK]),
  boundaries(['src/worker/**'], [APP, SCRIPTS, NODE, REACT, MAPLIBRE, DECK]),
  boundaries(['src/app/**'], [WORKER, SCRIPTS, NODE]),
  boundaries(['scripts/**'], [SRC_UI]),
  {
    files: ['layers/**', 'src/core/**', 'src/worker/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'document', 'window', 'localStorage'].map((name) => ({
          name,
          message: `${name}: not available everywhere the core runs (browser, worker, Node).`,
        })),
      ],
    },
  },
);
