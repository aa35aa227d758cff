import { resolve } from 'node:path';
import type { Browser, Page, ViewportSize } from '@playwright/test';
import { type AxeFinding, describeFindings, seriousViolations } from './axe';
import { phone } from './fit';
import { expect, test } from './fixtures';
import { e2eAdmin, e2eDataDir } from './global-setup';
import { loaded, type Seeded, saveSignedInState, seed, staffPages } from './staff-pages';

// Every page scanned by axe-core against WCAG 2.1 A and AA, in both themes, on a laptop and a
// phone. A serious or critical violation anywhere fails the test, which lists each rule with the
// elements that break it.

const sizes: { name: string; viewport: ViewportSize }[] = [
  { name: '1280x720', viewport: { width: 1280, height: 720 } },
  { name: '390x844', viewport: phone },
];
const schemes = ['light', 'dark'] as const;
type Scheme = (typeof schemes)[number];

const adminState = resolve(e2eDataDir, 'a11y-admin-state.json');
const customerState = resolve(e2eDataDir, 'a11y-customer-state.json');

/** Waits until fonts are in and no transition runs (a dialog fading in reads as low contrast). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * Opens `path` inside the running app, as its own links do, instead of loading the whole app
 * again for every page: the router follows the address on the `popstate` it is told of.
 */
async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** The pages of one person, scanned in one browser context of that size and theme. */
class Scan {
  readonly findings: AxeFinding[] = [];
  private constructor(
    readonly page: Page,
    private readonly label: string,
  ) {}

  static async open(
    browser: Browser,
    label: string,
    viewport: ViewportSize,
    colorScheme: Scheme,
    storageState?: string,
  ): Promise<Scan> {
    const context = await browser.newContext({
      viewport,
      colorScheme,
      storageState: storageState ?? { cookies: [], origins: [] },
    });
    const page = await context.newPage();
    return new Scan(page, label);
  }

  /** Scans the page as it is now, after checking the app shows the theme asked for. */
  async check(where: string, scheme: Scheme): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await settle(this.page);
    this.findings.push(...(await seriousViolations(this.page, `${this.label} ${where}`)));
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

test.beforeAll(async ({ browser }) => {
  const data = await seed();
  await saveSignedInState(browser, e2eAdmin.email, e2eAdmin.password, adminState);
  await saveSignedInState(browser, data.customer.email, data.customer.password, customerState);
});

/** Every staff page, then the states that bring their own markup: reply box, bell, dialog, drawer. */
async function scanStaff(scan: Scan, data: Seeded, scheme: Scheme, onPhone: boolean): Promise<void> {
  const { page } = scan;
  await page.goto('/');
  for (const staffPage of staffPages) {
    await openInApp(page, staffPage.path(data));
    await staffPage.ready(page, data);
    await scan.check(staffPage.name, scheme);
  }

  await openInApp(page, `/inbox/all/tickets/${data.ticketId}`);
  const ticket = page.getByRole('article', { name: `Ticket #${data.ticketId}` });
  await loaded(ticket.getByRole('button', { name: 'Reply', exact: true })).toBeVisible();
  await ticket.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(ticket.getByRole('textbox', { name: 'Reply' })).toBeFocused();
  await scan.check('ticket with the reply box', scheme);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('dialog', { name: /^Notifications/ })).toBeVisible();
  await scan.check('notifications', scheme);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /^Notifications/ })).toHaveCount(0);

  await openInApp(page, '/inbox/all');
  await loaded(page.getByRole('button', { name: 'New ticket' })).toBeVisible();
  await page.getByRole('button', { name: 'New ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'New ticket' });
  await expect(dialog).toBeVisible();
  await scan.check('new ticket dialog', scheme);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  if (onPhone) {
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await scan.check('navigation drawer', scheme);
  }
}

async function scanPortal(scan: Scan, data: Seeded, scheme: Scheme): Promise<void> {
  const { page } = scan;
  const pages: { name: string; path: string; ready: () => Promise<void> }[] = [
    {
      name: 'portal requests',
      path: '/portal',
      ready: () => loaded(page.getByRole('list', { name: 'Your requests' })).toBeVisible(),
    },
    {
      name: 'portal request',
      path: `/portal/requests/${data.ticketId}`,
      ready: () => loaded(page.getByRole('heading', { level: 1, name: data.subject })).toBeVisible(),
    },
    {
      name: 'portal new request',
      path: '/portal/requests/new',
      ready: () => loaded(page.getByLabel('Subject')).toBeVisible(),
    },
    {
      name: 'portal account',
      path: '/portal/account',
      ready: () => loaded(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible(),
    },
  ];
  await page.goto('/portal');
  for (const portalPage of pages) {
    await openInApp(page, portalPage.path);
    await portalPage.ready();
    await scan.check(portalPage.name, scheme);
  }
}

async function scanSignedOut(scan: Scan, scheme: Scheme): Promise<void> {
  const { page } = scan;
  const pages: { name: string; path: string; ready: () => Promise<void> }[] = [
    {
      name: 'sign-in',
      path: '/login',
      ready: () => loaded(page.getByRole('button', { name: 'Sign in' })).toBeVisible(),
    },
    {
      name: 'contact',
      path: '/contact',
      ready: () => loaded(page.getByRole('button', { name: /Send/ })).toBeVisible(),
    },
    {
      name: 'portal sign-in',
      path: '/portal/login',
      ready: () => loaded(page.getByRole('heading', { level: 1 })).toBeVisible(),
    },
  ];
  for (const signedOutPage of pages) {
    await page.goto(signedOutPage.path);
    await signedOutPage.ready();
    await scan.check(signedOutPage.name, scheme);
  }
}

for (const size of sizes) {
  for (const scheme of schemes) {
    test(`every page meets WCAG 2.1 AA in the ${scheme} theme at ${size.name}`, async ({ browser }) => {
      test.setTimeout(8 * 60_000);
      const data = await seed();
      const findings: AxeFinding[] = [];
      const onPhone = size.viewport.width < 768;
      const runs: [string, string | undefined, (scan: Scan) => Promise<void>][] = [
        ['staff', adminState, (scan) => scanStaff(scan, data, scheme, onPhone)],
        ['customer', customerState, (scan) => scanPortal(scan, data, scheme)],
        ['signed out', undefined, (scan) => scanSignedOut(scan, scheme)],
      ];
      try {
        for (const [who, state, run] of runs) {
          const scan = await Scan.open(
            browser,
            `[${scheme} ${size.name}] ${who}:`,
            size.viewport,
            scheme,
            state,
          );
          try {
            await run(scan);
          } finally {
            findings.push(...scan.findings);
            await scan.close();
          }
        }
      } finally {
        // Also when a step fails on the way: what was found until then.
        if (findings.length > 0)
          test.info().annotations.push({ type: 'axe', description: describeFindings(findings) });
      }
      expect(findings.length, describeFindings(findings)).toBe(0);
    });
  }
}
