// axe-core in the browser tests: its source is injected into the page (no network), then run with
// the WCAG 2.0 / 2.1 A and AA rules. A violation is reported with its rule, element and reason.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { AXE_TAGS } from '../../src/app/a11y/statement';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe on the whole page (or a part), after injecting it once per document. `extraTags` adds rule
 * sets to the WCAG ones, e.g. 'best-practice' (heading order, landmarks) where a test asks for them.
 */
export async function axeViolations(page: Page, include?: string, extraTags: string[] = []): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  // Evaluated through DevTools, not as a <script>: the atlas's CSP refuses inline scripts.
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: unknown,
              options: unknown,
            ) => Promise<{
              violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
      }));
    },
    { tags: [...AXE_TAGS, ...extraTags], include },
  );
}

/** One line per violation and element, for readable test failures. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.rule} (${v.impact}): ${n.target} — ${v.help}. ${n.summary.replace(/\s+/g, ' ')}`))
    .join('\n');
}
