import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { signIn, unique } from './helpers';

test.setTimeout(120_000);

test('a manager schedules the pain points and shares them; the link opens signed out, then stops when revoked', async ({
  page,
  browser,
  allowConsoleError,
}) => {
  const name = `Pain points weekly ${unique()}`;
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await page.goto('/reports?report=pain-points');
  await expect(page.getByRole('heading', { name: 'Top drivers of contacts' })).toBeVisible();

  // Schedule… with the page's filters.
  await page.getByRole('button', { name: 'Schedule…' }).click();
  const schedule = page.getByRole('dialog');
  await schedule.getByLabel('Name').fill(name);
  await schedule.getByLabel('Other addresses').fill('product@example.com');
  await schedule.getByLabel('Other addresses').press('Enter');
  await schedule.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(schedule).toBeHidden();

  // Share…: a link with a label.
  await page.getByRole('button', { name: 'Share…' }).click();
  const share = page.getByRole('dialog');
  await share.getByLabel('Label').fill('For Product team');
  await share.getByRole('button', { name: 'Create link' }).click();
  const link = await share.getByLabel('Link').inputValue();
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{40,}$/);
  await share.getByRole('button', { name: 'Done' }).click();

  // The scheduled reports list, and a test send.
  await page.goto('/reports/schedules');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Mondays at 08:00');
  await row.getByRole('button', { name: 'Send now' }).click();
  await expect(row).toContainText('sent (test)');

  // Signed out, in another context: the shared page with no app around it.
  const outside = await browser.newContext({ viewport: phone });
  const reader = await outside.newPage();
  await reader.goto(link);
  await expect(reader.getByRole('heading', { level: 1, name: 'Pain points report' })).toBeVisible();
  await expect(reader.getByText('For Product team')).toBeVisible();
  await expect(reader.getByRole('navigation')).toHaveCount(0);
  await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectFitsWindow(reader, test.info(), 'shared-report');

  // Revoked: the same link says so (the browser logs the 410 the API answers).
  allowConsoleError(/status of 410/);
  await page.goto('/reports/schedules?tab=shares');
  await page
    .getByRole('row', { name: /For Product team/ })
    .first()
    .getByRole('button', { name: 'Revoke' })
    .click();
  await reader.reload();
  await expect(reader.getByRole('heading', { name: 'This link is no longer available' })).toBeVisible();
  await outside.close();
});
