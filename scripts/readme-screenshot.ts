// `npm run docs:screenshot`: retakes docs/images/inbox.png, the README's first picture. Starts a
// production server holding the demo department, signs in as one of its agents at 1440×900 and
// photographs the Inbox with a ticket open. SCREENSHOT_PORT sets the port (default 3391).
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startDemoServer } from '../bench/demo-server';
import { chromiumPath } from '../test/helpers/tiers';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/images/inbox.png');
const server = await startDemoServer(Number(process.env.SCREENSHOT_PORT ?? 3391));
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
  });
  await server.signIn(context, 'amara.adeyemi@steward.example');
  const page = await context.newPage();
  await page.goto('/inbox');
  const firstTicket = page.getByRole('list', { name: 'Tickets' }).getByRole('listitem').first();
  await firstTicket.waitFor({ timeout: 60_000 });
  await firstTicket.getByRole('link').first().click();
  await page.getByRole('article', { name: /^Ticket #/ }).waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, 899); // no hover highlight in the picture
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // nor a focus tooltip
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`written to ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await server.stop();
}
