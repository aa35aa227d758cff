import { execFileSync } from 'node:child_process';
import { describeFindings, seriousViolations } from './axe';
import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eDataDir, repoRoot } from './global-setup';
import { adminApi, createUser, signIn, unique } from './helpers';

test.setTimeout(120_000);

test('the Trends tab charts incoming tickets by category, and a burst in one category raises a spike alert managers acknowledge', async ({
  page,
}) => {
  const suffix = unique();
  const api = await adminApi();
  const category = await api.request<{ id: number; name: string }>('POST', '/categories', {
    name: `Surge ${suffix}`,
  });
  const ids: number[] = [];
  for (let i = 0; i < 8; i++) {
    const ticket = await api.request<{ id: number }>('POST', '/tickets', {
      subject: `Charged twice ${i} ${suffix}`,
      requester: { email: `surge.${i}.${suffix}@customer.test`, name: 'Sia Surge' },
      message: { body: 'My card was charged twice.' },
      categoryId: category.id,
    });
    ids.push(ticket.id);
  }
  // The job runs every ten minutes; the CLI folds the new events and runs it now.
  execFileSync(process.execPath, ['bin/steward.mjs', 'reports', 'spikes'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: e2eDataDir, LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });

  const manager = await createUser('manager', `Tara Trends${suffix}`);
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.getByRole('link', { name: 'Feedback' }).first().click();
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByRole('tab', { name: 'Trends', selected: true })).toBeVisible();
  const alerts = page.getByRole('region', { name: 'Spike alerts' });
  const title = `${category.name}: 8 tickets in an hour, about 0 expected`;
  await expect(alerts.getByText(title)).toBeVisible();
  await alerts.getByRole('button', { name: 'See tickets (8)' }).click();
  await expect(alerts.getByRole('link', { name: `#${ids[0]}` })).toBeVisible();

  // The chart's table view has the category's series with today's eight tickets.
  await page.getByRole('switch', { name: 'Show as a table' }).check();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: category.name })).toBeVisible();
  await expect(table.getByRole('row').last()).toContainText('8');
  const findings = await seriousViolations(page, 'trends');
  expect(findings, describeFindings(findings)).toEqual([]);

  // The board shows it too; acknowledging keeps it listed until the spike is over.
  await page.goto('/board');
  await expect(page.getByRole('region', { name: 'Alerts' }).getByText(title)).toBeVisible();
  await page.goto('/feedback/trends');
  await alerts.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alerts.getByText('Acknowledged')).toBeVisible();

  await page.setViewportSize(phone);
  await expectFitsWindow(page, test.info(), 'trends');
});
