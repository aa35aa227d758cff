import { expect, test } from './fixtures';
import { ApiSession, createTicket, createUser, signIn, unique } from './helpers';

test('a colleague mentioned in a note sees it under the bell and opens the ticket from there', async ({
  page,
}) => {
  const writer = await createUser('agent', 'Nadia Notes');
  const reader = await createUser('agent', 'Theo Mention');
  const ticket = await createTicket({
    subject: `Refund for a broken kettle ${unique()}`,
    message: 'The kettle stopped working after a week.',
    requester: { email: `rosa.${unique()}@customer.test`, name: 'Rosa Kettle' },
  });

  const handle = reader.email.split('@')[0];
  const writerApi = await ApiSession.signIn(writer.email, writer.password);
  await writerApi.request('POST', `/tickets/${ticket.id}/messages`, {
    kind: 'note',
    body: `@${handle} could you check whether we refund this one?`,
  });

  await signIn(page, reader.email, reader.password);
  await expect(page).toHaveURL('/');
  const header = page.getByRole('banner');
  const bell = header.getByRole('button', { name: 'Notifications' });
  await expect(bell).toBeVisible();
  await expect(header.getByText('1', { exact: true })).toBeVisible();

  await bell.click();
  const entry = page.getByRole('link', { name: new RegExp(`${writer.name} mentioned you on #${ticket.id}`) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('(unread)');
  await entry.click();

  await expect(page).toHaveURL(`/inbox/all/tickets/${ticket.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(pane.getByText('could you check whether we refund this one?')).toBeVisible();
  await expect(header.getByText('1', { exact: true })).toHaveCount(0);

  await bell.click();
  await expect(page.getByRole('link', { name: /mentioned you on/ })).not.toContainText('(unread)');
});
