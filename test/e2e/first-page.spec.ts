import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describeMetrics, measurePage } from '../../bench/page-metrics';
import { expect, test } from './fixtures';
import { repoRoot } from './global-setup';

/** The budget for the first page a newcomer opens: everything it loads, as gzip. */
const FIRST_PAGE_BUDGET = 200 * 1024;

test('the first page (a signed-out visit lands on sign-in) loads under 200 KB gzipped', async ({
  page,
}, testInfo) => {
  const metrics = await measurePage(page, '/', (p) => p.getByRole('button', { name: 'Sign in' }));
  testInfo.annotations.push({ type: 'first page', description: describeMetrics('sign-in', metrics) });
  expect(metrics.url).toMatch(/\/login$/);
  expect(metrics.files.length).toBeGreaterThan(2);
  expect(metrics.gzipBytes, describeMetrics('sign-in', metrics)).toBeLessThan(FIRST_PAGE_BUDGET);
  // Brotli is what Chromium takes, and it is smaller still.
  expect(metrics.transferredBytes).toBeLessThan(metrics.gzipBytes);
});

test('the build the browser gets has no source maps', () => {
  const assets = fs.readdirSync(path.join(repoRoot, 'dist/web/assets'));
  expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
  expect(assets.some((name) => name.endsWith('.js.br'))).toBe(true);
});

/** Mantine's class names (`m_` and eight hex digits) that its full stylesheet gives rules to. */
const styledMantineClasses = new Set(
  fs
    .readFileSync(path.join(repoRoot, 'node_modules/@mantine/core/styles.css'), 'utf8')
    .match(/\.m_[0-9a-f]{8}\b/g)
    ?.map((selector) => selector.slice(1)) ?? [],
);

/** Mantine classes on the page that have rules in Mantine's styles but none in the styles loaded. */
async function unstyledMantineClasses(page: Page): Promise<string[]> {
  const { used, styled } = await page.evaluate(() => {
    const used = new Set<string>();
    for (const element of document.querySelectorAll('[class*="m_"]')) {
      for (const name of element.classList) if (/^m_[0-9a-f]{8}$/.test(name)) used.add(name);
    }
    const styled = new Set<string>();
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule)
          for (const m of rule.selectorText.matchAll(/\.(m_[0-9a-f]{8})/g)) styled.add(m[1]!);
        if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return { used: [...used], styled: [...styled] };
  });
  return used.filter((name) => styledMantineClasses.has(name) && !styled.includes(name)).sort();
}

// The signed-out pages come with only the styles their components need (web/app/styles-first.ts);
// a component added to one of them without its styles is caught here.
const firstPages: {
  path: string;
  ready: (page: Page) => ReturnType<Page['getByRole']>;
  /** A console error the page shows on purpose. */
  expectedError?: RegExp;
}[] = [
  { path: '/login', ready: (p) => p.getByRole('button', { name: 'Sign in' }) },
  { path: '/portal/login', ready: (p) => p.getByRole('button', { name: 'Email me a link' }) },
  { path: '/contact', ready: (p) => p.getByRole('button', { name: 'Send message' }) },
  {
    path: '/portal/magic?token=not-a-real-sign-in-link-token',
    ready: (p) => p.getByRole('heading', { level: 1 }),
    // The made-up link is refused with a 401, which the browser logs.
    expectedError: /status of 401/,
  },
];

for (const { path: url, ready, expectedError } of firstPages) {
  test(`${url.split('?')[0]} has the styles of every Mantine component it shows`, async ({
    page,
    allowConsoleError,
  }) => {
    if (expectedError) allowConsoleError(expectedError);
    await page.goto(url);
    // The first visit loads everything cold.
    await expect(ready(page)).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(styledMantineClasses.size).toBeGreaterThan(100);
    expect(await unstyledMantineClasses(page)).toEqual([]);
  });
}
