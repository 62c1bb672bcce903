// Figures in the docs are generated (scripts/docs/figures.ts), not pasted: the benchmark table of
// docs/benchmarks.md is the newest committed reference run, formatted. (The pipeline's table in
// docs/data.md is checked against a real build by tests/integration/docs-figures.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchReferenceTable, fillBlock, latestReference, PROJECT_ROOT } from '../../scripts/docs/figures';

describe('generated figures in the docs', () => {
  it('docs/benchmarks.md shows the newest reference run (npm run docs:figures after a --reference run)', () => {
    const { file, reference } = latestReference();
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'benchmarks.md'), 'utf8');
    expect(doc).toBe(fillBlock(doc, 'bench-reference', benchReferenceTable(reference, file)));
    expect(doc).toContain(`\`${file}\``);
  });

  it('fillBlock replaces only what lies between its markers, and says when they are missing', () => {
    const text = 'a\n<!-- generated:x:start -->\nold\n<!-- generated:x:end -->\nb';
    expect(fillBlock(text, 'x', 'new')).toBe('a\n<!-- generated:x:start -->\nnew\n<!-- generated:x:end -->\nb');
    expect(() => fillBlock('nothing', 'x', 'new')).toThrow(/marqueurs/);
  });
});
