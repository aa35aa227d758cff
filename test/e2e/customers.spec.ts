import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { adminApi, createUser, openFromMainNav, signIn, unique } from './helpers';

interface OpenedTicket {
  id: number;
  subject: string;
  requester: { id: number; name: string; email: string | null };
}

async function openTicketFrom(requester: { email: string; name: string }, subject: string, message: string) {
  const api = await adminApi();
  return api.request<OpenedTicket>('POST', '/tickets', {
    subject,
    requester,
    message: { body: message },
    channel: 'email',
    priority: 'normal',
  });
}

test('a manager finds a customer, reads and adds to their timeline, and merges a duplicate into them', async ({
  page,
}) => {
  const manager = await createUser('manager', 'Mila Manager');
  const keptEmail = `greta.nilsson.${unique()}@customer.test`;
  const duplicateEmail = `g.nilsson.${unique()}@othermail.test`;
  const keptName = 'Greta Nilsson';
  const duplicateName = 'G. Nilsson';

  const keptTicket = await openTicketFrom(
    { email: keptEmail, name: keptName },
    `Lamp arrived broken ${unique()}`,
    'The lamp I ordered arrived with a cracked shade.',
  );
  const duplicateTicket = await openTicketFrom(
    { email: duplicateEmail, name: duplicateName },
    `Where is my refund ${unique()}`,
    'I sent the lamp back two weeks ago.',
  );
  const keptId = keptTicket.requester.id;
  const duplicateId = duplicateTicket.requester.id;
  expect(duplicateId).not.toBe(keptId);
  const earlierNote = `Prefers to be called after 5 pm ${unique()}`;
  await (await adminApi()).request('POST', `/customers/${keptId}/notes`, { body: earlierNote });

  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Customers');
  await expect(page).toHaveURL('/customers');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

  // Search by address: only the customer that owns it is listed.
  const table = page.getByRole('table', { name: 'Customers' });
  await page.getByRole('textbox', { name: 'Search customers' }).fill(keptEmail);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(keptEmail);
  await table.getByRole('link', { name: keptName, exact: true }).click();

  // The customer 360 page: details, then the ticket and the note on the timeline.
  await expect(page).toHaveURL(`/customers/${keptId}`);
  await expect(page.getByRole('heading', { level: 1, name: keptName })).toBeVisible();
  await expect(page.getByRole('link', { name: keptEmail })).toHaveAttribute('href', `mailto:${keptEmail}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(
    timeline.getByRole('link', { name: `#${keptTicket.id} ${keptTicket.subject}`, exact: true }),
  ).toBeVisible();
  await expect(timeline.getByText(earlierNote)).toBeVisible();
  await expect(timeline.getByText(new RegExp(`^${e2eAdmin.name} ·`))).toBeVisible();
  await expect(timeline.getByText(duplicateTicket.subject)).toHaveCount(0);

  // A new note goes to the top of the timeline, signed by the manager.
  const newNote = `Asked for a replacement rather than a refund ${unique()}`;
  const noteBox = page.getByRole('textbox', { name: 'Add a note' });
  await noteBox.fill(newNote);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(timeline.getByText(newNote)).toBeVisible();
  await expect(timeline.getByText(new RegExp(`^${manager.name} ·`))).toBeVisible();
  await expect(noteBox).toHaveValue('');
  await expect(timeline).toHaveText(new RegExp(`${newNote}.*${earlierNote}.*#${keptTicket.id} `, 's'));

  // Merge the duplicate: its ticket joins this timeline.
  await page.getByRole('button', { name: 'Merge duplicates' }).click();
  const dialog = page.getByRole('dialog', { name: `Merge duplicates into ${keptName}` });
  const find = dialog.getByRole('textbox', { name: 'Find duplicates' });
  await expect(find).toHaveValue(keptName);
  await find.fill(duplicateEmail);
  const candidate = dialog.getByRole('checkbox', { name: duplicateName });
  await expect(candidate).toHaveCount(1);
  await expect(dialog.getByText(duplicateEmail)).toBeVisible();
  const next = dialog.getByRole('button', { name: `Merge into ${keptName}…` });
  await expect(next).toBeDisabled();
  await candidate.check();
  await next.click();
  await expect(dialog).toContainText(`Merge ${duplicateName} into ${keptName}?`);
  await dialog.getByRole('button', { name: 'Merge 1 customer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`One duplicate was merged into ${keptName}.`)).toBeVisible();

  const movedTicket = timeline.getByRole('link', {
    name: `#${duplicateTicket.id} ${duplicateTicket.subject}`,
    exact: true,
  });
  await expect(movedTicket).toBeVisible();
  await expect(timeline.getByText(newNote)).toBeVisible();
  await expect(timeline.getByText(earlierNote)).toBeVisible();

  // The duplicate's address now finds the kept customer, and the duplicate's page points there.
  await openFromMainNav(page, 'Customers');
  await expect(page).toHaveURL('/customers');
  await page.getByRole('textbox', { name: 'Search customers' }).fill(duplicateEmail);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: keptName, exact: true })).toBeVisible();
  await expect(table.getByText(duplicateName, { exact: true })).toHaveCount(0);

  await page.goto(`/customers/${duplicateId}`);
  await expect(page.getByText('This customer was merged')).toBeVisible();
  await page.getByRole('link', { name: 'Open the customer they were merged into' }).click();
  await expect(page).toHaveURL(`/customers/${keptId}`);

  // The moved ticket opens in the Inbox with the kept customer as its requester.
  await movedTicket.click();
  await expect(page).toHaveURL(`/inbox/all/tickets/${duplicateTicket.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${duplicateTicket.id}` });
  await expect(pane.getByText('I sent the lamp back two weeks ago.')).toBeVisible();
  await expect(pane.getByText(`${keptName} <${keptEmail}>`)).toBeVisible();
});
