import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { createTicket, signIn, unique } from './helpers';

test.setTimeout(120_000);

test('the reports page shows the period’s figures, and a figure opens the tickets behind it', async ({
  page,
}) => {
  const subject = `Reports: the parcel went to the old address ${unique()}`;
  const ticket = await createTicket({
    subject,
    message: 'We moved last month; the parcel went to the old flat.',
    requester: { email: `reports-${unique()}@customer.test` },
  });
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page.getByRole('link', { name: 'Reports' }).first()).toBeVisible();
  // The aggregates follow the events a few seconds behind: reload until the new ticket is in.
  await expect(async () => {
    await page.goto('/reports?report=volume');
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await page.getByRole('button', { name: /^Created: [1-9]/ }).click({ timeout: 3000 });
    await expect(page.getByRole('dialog')).toContainText(`#${ticket.id}`, { timeout: 3000 });
  }).toPass({ timeout: 60_000 });
  await page
    .getByRole('dialog')
    .getByRole('link', { name: new RegExp(`#${ticket.id}`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/inbox/all/tickets/${ticket.id}`));

  // The definition of a figure, and the chart's table view.
  await page.goto('/reports?report=volume');
  await page.getByRole('button', { name: 'What “Solved” means' }).click();
  await expect(page.getByText(/from an open status to solved or closed/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByLabel('Show as a table').check();
  await expect(page.getByRole('columnheader', { name: 'Backlog' })).toBeVisible();

  // Other reports and the export links.
  await page.getByRole('tab', { name: 'Speed' }).click();
  await expect(page.getByText('First reply, median')).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute(
    'href',
    /\/api\/v1\/reports\/speed\/export\?.*format=csv/,
  );

  await page.setViewportSize(phone);
  await expectFitsWindow(page, test.info(), 'reports');
});
