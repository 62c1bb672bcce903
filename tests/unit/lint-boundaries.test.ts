// The import boundaries of eslint.config.js really fire: layers/ ← src/core ← {src/app, src/worker,
// scripts}. Each case lints a one-line file placed where it would live, without writing it.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  // The first lint loads the parser and the config: seconds on these machines.
  beforeAll(() => boundaryErrors('src/core/probe.ts', 'const x = 1;'), 60_000);

  it.each([
    ['src/core/geo/probe.ts', "import x from '../../app/App';", 'src/app is the UI'],
    ['src/core/geo/probe.ts', "import x from 'react';", 'React belongs to src/app'],
    ['src/core/geo/probe.ts', "import x from 'node:fs';", 'Node-only module'],
    ['src/core/geo/probe.ts', "import { Map as x } from 'maplibre-gl';", 'MapLibre at run time'],
    ['src/core/geo/probe.ts', 'const x = document.title;', 'not available everywhere'],
    ['src/worker/probe.ts', "import x from '../app/state/url-state';", 'src/app is the UI'],
    ['layers/ev5/probe.ts', "import x from '../../src/core/types';", 'layers/ is the bottom'],
    ['scripts/geodata/probe.ts', "import x from '../../src/app/ui/format';", 'never import the UI'],
    ['scripts/probe.ts', "import x from '../src/worker/workbench.worker';", 'never import the UI'],
  ])('%s: %s is refused', async (file, code, message) => {
    expect((await boundaryErrors(file, code)).join('\n')).toContain(message);
  });

  it.each([
    ['src/core/geo/probe.ts', "import type { Map as x } from 'maplibre-gl';"],
    ['src/app/ui/probe.ts', "import x from '../../core/types';"],
    ['scripts/geodata/probe.ts', "import x from '../../src/core/fgb/write';"],
    ['src/worker/probe.ts', "import x from '../core/import';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
