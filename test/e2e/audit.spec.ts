import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { adminApi, createTicket, createUser, openFromMainNav, signIn, unique } from './helpers';

test('the audit log says in words who did what, links what changed, filters and exports', async ({
  page,
}) => {
  const suffix = unique();
  const rosa = await createUser('agent', `Rosa Audit${suffix}`);
  const api = await adminApi();
  const team = await api.request<{ id: number; name: string }>('POST', '/teams', {
    name: `Billing ${suffix}`,
  });
  await api.request('PATCH', `/teams/${team.id}`, { memberIds: [rosa.id] });
  const ticket = await createTicket({
    subject: `Printer jam ${suffix}`,
    message: 'The printer eats every page.',
    requester: { email: `jam.${suffix}@example.test`, name: 'Jo Jam' },
  });
  await api.request('PATCH', `/tickets/${ticket.id}`, { priority: 'high', version: ticket.version });

  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Audit log');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

  const log = page.getByRole('table', { name: 'Audit log' });
  const member = log.getByRole('row').filter({ hasText: `added ${rosa.name} to team ${team.name}` });
  await expect(member).toContainText(e2eAdmin.name);
  await expect(member.getByRole('link', { name: team.name })).toHaveAttribute('href', '/admin/teams');
  const priority = log
    .getByRole('row')
    .filter({ hasText: `changed priority from normal to high on ticket #${ticket.id} ${ticket.subject}` });
  await expect(priority).toHaveCount(1);

  // The recorded before and after are one click away.
  await priority.getByRole('button', { name: 'Show the recorded changes' }).click();
  const changes = page.getByRole('table', { name: /^Changes in entry/ });
  await expect(changes.getByRole('row', { name: /priority normal high/ })).toBeVisible();

  // Filters live in the address; the export takes the same ones.
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Ticket changed' }).click();
  await expect(page).toHaveURL(/[?&]action=ticket\.updated/);
  await expect(log.getByRole('row').filter({ hasText: 'signed in' })).toHaveCount(0);
  await expect(priority).toBeVisible();
  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  await expect(exportLink).toHaveAttribute('href', '/api/v1/audit-log/export?action=ticket.updated');
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'Time (UTC),Actor,Actor type,Action,Description,Entity type,Entity ID,Entity,IP address,Changes',
  );
  expect(lines.filter((l) => l.includes(',ticket.updated,')).length).toBe(lines.length - 2);
  expect(csv).toContain(
    `${e2eAdmin.name} changed priority from normal to high on ticket #${ticket.id} ${ticket.subject}`,
  );

  // The link to the ticket opens it.
  await priority.getByRole('link', { name: `#${ticket.id} ${ticket.subject}` }).click();
  await expect(page).toHaveURL(`/inbox/all/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { name: ticket.subject })).toBeVisible();

  // On a phone: one entry under another, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/audit?entityType=team&entityId=${team.id}`);
  const list = page.getByRole('list', { name: 'Audit log' });
  await expect(
    list.getByRole('listitem').filter({ hasText: `added ${rosa.name} to team ${team.name}` }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^Only ${team.name}`) })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('audit-390.png'), fullPage: true });
});

test('a filter that matches nothing says so and clears', async ({ page }) => {
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  await page.goto('/admin/audit?action=mailbox.deleted&from=2001-01-01&to=2001-01-02');
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL('/admin/audit');
  await expect(page.getByRole('table', { name: 'Audit log' })).toBeVisible();
});
