// The pipeline's figures in docs/data.md are those of the build just made (npm test runs
// `npm run data` before the integration tests): regenerate them with `npm run docs:figures`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../layers/types';
import { catalogFiguresTable, fillBlock, PROJECT_ROOT } from '../../scripts/docs/figures';

describe('docs/data.md', () => {
  it('shows the figures of public/data/catalog.json', () => {
    const catalog = JSON.parse(readFileSync(join(PROJECT_ROOT, 'public', 'data', 'catalog.json'), 'utf8')) as Catalog;
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'data.md'), 'utf8');
    const table = catalogFiguresTable(catalog);
    expect(table).toMatch(/EuroVelo 5 \| ok \|/);
    expect(doc).toBe(fillBlock(doc, 'catalog-figures', table));
  });
});
