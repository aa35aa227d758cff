import { expect, test } from './fixtures';
import { createTicket, createUser, openFromMainNav, signIn, unique } from './helpers';

test('an agent opens a ticket from a view, replies, adds a note, and sees the status change', async ({
  page,
}) => {
  const agent = await createUser('agent', 'Ines Inbox');
  const subject = `Printer keeps jamming ${unique()}`;
  const ticket = await createTicket({
    subject,
    message: 'The office printer jams on every second page.',
    requester: { email: `carla.${unique()}@customer.test`, name: 'Carla Customer' },
    assigneeId: agent.id,
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Inbox');
  await expect(page).toHaveURL(/\/inbox\/my-open/);

  const list = page.getByRole('list', { name: 'Tickets' });
  await list.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/my-open/tickets/${ticket.id}`));
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(pane.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();
  await expect(pane.getByText('The office printer jams on every second page.')).toBeVisible();

  // Reply and leave the ticket waiting on the customer.
  await pane.getByRole('button', { name: 'Reply', exact: true }).click();
  await pane
    .getByRole('textbox', { name: 'Reply' })
    .fill('Please try the tray on the left while we look into it.');
  await pane.getByRole('button', { name: 'Send with another status' }).click();
  await page.getByRole('menuitem', { name: 'Send as Pending' }).click();
  const reply = pane.getByRole('article', { name: `Reply from ${agent.name}` });
  await expect(reply).toContainText('Please try the tray on the left');
  await expect(pane.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();
  await expect(pane.getByText('Pending', { exact: true }).first()).toBeVisible();
  await expect(list.locator('li', { hasText: subject })).toContainText('Pending');

  // An internal note, clearly marked and coloured differently from the reply.
  await pane.getByRole('button', { name: 'Add note' }).click();
  await pane.getByRole('textbox', { name: 'Internal note' }).fill('Customer is on the old firmware.');
  await pane.getByRole('button', { name: 'Add note' }).click();
  const note = pane.getByRole('article', { name: `Internal note from ${agent.name}` });
  await expect(note).toContainText('Customer is on the old firmware.');
  await expect(note.getByText('Internal note', { exact: true })).toBeVisible();
  const background = (locator: typeof note) =>
    locator.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background(note)).not.toEqual(await background(reply));

  // Status from the properties panel, visible in the header and in the list.
  await pane.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Solved', exact: true }).click();
  await expect(pane.getByText('Solved', { exact: true }).first()).toBeVisible();
  await expect(list.locator('li', { hasText: subject })).toHaveCount(0);
});
