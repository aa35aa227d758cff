import { describeFindings, seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { adminApi, createUser, signIn, unique } from './helpers';

test('the operations board updates live when a ticket comes in, and opens as a wall screen', async ({
  page,
}) => {
  const suffix = unique();
  const manager = await createUser('manager', `Mara Board${suffix}`);
  const api = await adminApi();
  const team = await api.request<{ id: number; name: string }>('POST', '/teams', { name: `Wall ${suffix}` });
  const open = (subject: string) =>
    api.request<{ id: number }>('POST', '/tickets', {
      subject,
      requester: { email: `board.${unique()}@example.test`, name: 'Bea Board' },
      message: { body: 'Please help.' },
      channel: 'email',
      teamId: team.id,
    });
  await open(`First on the wall ${suffix}`);

  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.goto('/board');
  const backlog = page.getByRole('table', { name: 'Backlog by team and status' });
  const row = backlog.getByRole('row', { name: new RegExp(team.name) });
  await expect(row.getByRole('link', { name: `1 open in ${team.name}` })).toBeVisible();
  await expect(page.getByRole('table', { name: /Incoming and solved tickets by hour today/ })).toBeAttached();
  const boardFindings = await seriousViolations(page, 'board');
  expect(boardFindings, describeFindings(boardFindings)).toEqual([]);

  // A ticket created through the API shows without a reload (over the live channel).
  await open(`Second on the wall ${suffix}`);
  await expect(row.getByRole('link', { name: `2 open in ${team.name}` })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('link', { name: `2 unassigned in ${team.name}` })).toBeVisible();

  // The wall screen: the whole window, no navigation; Escape leaves it.
  await page.getByRole('button', { name: 'Wall screen' }).click();
  await expect(page).toHaveURL(/kiosk=1/);
  const wall = page.getByRole('region', { name: 'Operations board, wall screen' });
  await expect(wall.getByRole('link', { name: `2 open in ${team.name}` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('board-wall.png') });
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/kiosk=1/);
  await expect(page.getByRole('heading', { level: 1, name: 'Operations board' })).toBeVisible();

  // A figure opens the tickets behind it.
  await row.getByRole('link', { name: `2 unassigned in ${team.name}` }).click();
  await expect(page).toHaveURL(/\/inbox\/all\?f=/);
  await expect(page.getByText(`First on the wall ${suffix}`)).toBeVisible();
  await expect(page.getByText(`Second on the wall ${suffix}`)).toBeVisible();
});

test('the data-quality page lists a planted finding and the score', async ({ page }) => {
  const suffix = unique();
  const manager = await createUser('manager', `Dara Quality${suffix}`);
  const api = await adminApi();
  const org = await api.request<{ id: number; name: string }>('POST', '/organizations', {
    name: `Aardvark No Domain ${suffix}`,
  });
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.goto('/data-quality');
  await expect(page.getByRole('heading', { level: 1, name: 'Data quality' })).toBeVisible();
  await page.getByRole('button', { name: 'Run the checks now' }).click();
  const orgs = page.getByRole('region', { name: 'Organisations with no domain' });
  await expect(orgs.getByRole('link', { name: org.name })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Latest score' })).toContainText(/\d/);
  // Scanned once the notice that the checks ran has come and gone (it may come after the list):
  // a notice fading in or out reads as text too faint.
  await expect(page.getByText('Checks ran')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  const findings = await seriousViolations(page, 'data quality');
  expect(findings, describeFindings(findings)).toEqual([]);
  await orgs.getByRole('link', { name: org.name }).click();
  await expect(page).toHaveURL(`/organizations/${org.id}`);
});
