// axe-core for the screens' browser tests: whether it is installed (web's
// node_modules), and its WCAG 2.0/2.1 A and AA rules run on a page.
// a11y.test.mjs runs its own, wider audit over every route.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WEB_DIR } from './harness.mjs';

let axeSource = null;

// Why axe cannot run, or null when it can.
export function axeMissing() {
  try {
    const file = createRequire(path.join(WEB_DIR, 'package.json')).resolve('axe-core/axe.min.js');
    // A trailing expression, so the evaluation returns a plain value.
    axeSource = `${readFileSync(file, 'utf8')}\n;true`;
    return null;
  } catch {
    return 'axe-core is not installed (cd web && npm ci)';
  }
}

// The page as it is now: one line per failing element, each led by label.
export async function audit(page, label) {
  if (axeSource === null && axeMissing()) throw new Error(axeMissing());
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
  });
  return violations.map((v) => `${label}: ${v}`);
}
