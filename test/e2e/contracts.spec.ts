import { expectFitsWindow, laptop, phone } from './fit';
import { expect, test } from './fixtures';
import { adminApi, createTicket, createUser, openFromMainNav, signIn, signOut, unique } from './helpers';

test.setTimeout(180_000);

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

// A page opened by address loads the whole app first: on a busy machine that takes a while.
const loaded = expect.configure({ timeout: 30_000 });

test('a manager records a contract that is due for review; an agent sees its ticket is over the entitlement', async ({
  page,
}, testInfo) => {
  const suffix = unique();
  const domain = `harbour-freight-${suffix}.example`;
  const orgName = `Harbour Freight ${suffix}`;
  const api = await adminApi();
  const organization = await api.request<{ id: number }>('POST', '/organizations', {
    name: orgName,
    domains: [domain],
  });
  const manager = await createUser('manager', 'Mara Manager');
  const agent = await createUser('agent', 'Arno Agent');

  // The manager adds a contract that ends in three weeks: its renewal review has come.
  await page.setViewportSize(laptop);
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Contracts');
  await expect(page).toHaveURL('/contracts');
  await expect(page.getByRole('tab', { name: 'Due for review' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'New contract' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New contract' });
  await dialog.getByRole('combobox', { name: 'Organisation' }).fill(orgName);
  await page.getByRole('option', { name: orgName }).click();
  await dialog.getByRole('textbox', { name: 'Plan' }).fill('Standard');
  await dialog.getByLabel('Starts on').fill(dateIn(-300));
  await dialog.getByLabel('Ends on').fill(dateIn(21));
  await dialog.getByRole('combobox', { name: 'Included each month' }).click();
  await page.getByRole('option', { name: 'Tickets per month' }).click();
  await dialog.getByRole('textbox', { name: 'Tickets a month' }).fill('1');
  await dialog.getByRole('button', { name: 'Add contract' }).click();
  await expect(dialog).toBeHidden();

  const due = page.getByRole('table', { name: 'Contracts: due for review' });
  const row = due.getByRole('row').filter({ hasText: orgName });
  await expect(row).toContainText('Review due');
  await expect(row).toContainText('0 of 1 ticket this month');
  await expect(row).toContainText(dateIn(-9));
  await expectFitsWindow(page, testInfo, 'laptop-contracts');

  // Two tickets from the organisation this month: one past the entitlement.
  const tickets = [];
  for (const subject of [`Pallet missing ${suffix}`, `Invoice wrong ${suffix}`])
    tickets.push(
      await createTicket({
        subject,
        message: 'Please have a look.',
        requester: { email: `ops.${unique()}@${domain}`, name: 'Harbour Ops' },
      }),
    );
  await signOut(page);

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  const ticket = tickets[1]!;
  await page.goto(`/inbox/all/tickets/${ticket.id}`);
  const flag = page.getByRole('link', { name: 'Over entitlement: 2 of 1 ticket this month' });
  await loaded(flag).toBeVisible();
  await flag.click();
  await expect(page).toHaveURL(`/organizations/${organization.id}`);
  const card = page.getByRole('region', { name: 'Contract', exact: true });
  await expect(card).toContainText('Standard');
  await expect(card).toContainText('Over: 2 of 1 ticket this month');
  // Agents read contracts; only managers change them.
  await expect(card.getByRole('button', { name: 'Add contract' })).toHaveCount(0);
  await expectFitsWindow(page, testInfo, 'laptop-organization-contract');

  // On a phone: the ticket's flag, the organisation's card and the list all fit.
  await page.setViewportSize(phone);
  await page.goto(`/inbox/all/tickets/${ticket.id}`);
  await loaded(page.getByRole('link', { name: 'Over entitlement: 2 of 1 ticket this month' })).toBeVisible();
  await expectFitsWindow(page, testInfo, 'phone-ticket-contract-flag');
  await page.goto(`/organizations/${organization.id}`);
  await loaded(page.getByRole('region', { name: 'Contract', exact: true })).toContainText(
    'Over: 2 of 1 ticket this month',
  );
  await expectFitsWindow(page, testInfo, 'phone-organization-contract');
  await page.goto('/contracts');
  await loaded(page.getByRole('tab', { name: 'All' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(orgName).first()).toBeVisible();
  await expectFitsWindow(page, testInfo, 'phone-contracts');
});
