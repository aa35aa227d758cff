import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rules of WCAG 2.1 levels A and AA (2.0's and those 2.1 added). */
export const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One rule a page breaks, with where. */
export interface AxeFinding {
  /** The page or state it was found on, as the test names it. */
  where: string;
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements (the first few). */
  targets: string[];
  count: number;
}

const MAX_TARGETS = 5;

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page, where: string): Promise<AxeFinding[]> {
  // Legacy mode runs axe in the page itself, without a blank page per scan (the app has no frames).
  const results = await new AxeBuilder({ page }).withTags(wcag21aa).setLegacyMode().analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, MAX_TARGETS).map((node) => node.target.map(String).join(' ')),
      count: v.nodes.length,
    }));
}

/** The findings as a failure message: page, rule, how many elements, and which. */
export function describeFindings(findings: AxeFinding[]): string {
  if (findings.length === 0) return 'no serious or critical violations';
  return findings
    .map((f) => {
      const more = f.count > f.targets.length ? ` (+${f.count - f.targets.length} more)` : '';
      return `${f.where}: ${f.rule} [${f.impact}] ${f.help}, ${f.count} element(s)${more}\n    ${f.targets.join('\n    ')}`;
    })
    .join('\n');
}
