import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The rules Lighthouse's accessibility score is made of (it runs axe-core, which comes with it):
 * what breaks them on the page, as "rule: element" lines.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: our CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Rule = { id: string; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as { axe: { run(context: Document): Promise<{ violations: Rule[]; passes: Rule[] }> } }
    ).axe;
    const result = await axe.run(document);
    if (result.passes.length === 0) return ['axe-core checked nothing'];
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
