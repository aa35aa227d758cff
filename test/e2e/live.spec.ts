import { expect, test } from './fixtures';
import { createTicket, createUser, signIn, unique } from './helpers';

test("an agent's change and reply reach a colleague on the same view without a reload", async ({
  browser,
}) => {
  const alice = await createUser('agent', 'Alice Live');
  const bruno = await createUser('agent', 'Bruno Live');
  const subject = `Live update check ${unique()}`;
  const ticket = await createTicket({
    subject,
    message: 'My parcel has not arrived.',
    requester: { email: `lena.${unique()}@customer.test`, name: 'Lena Live' },
  });
  const path = `/inbox/all/tickets/${ticket.id}`;

  const aliceContext = await browser.newContext();
  const brunoContext = await browser.newContext();
  const a = await aliceContext.newPage();
  const b = await brunoContext.newPage();
  await signIn(a, alice.email, alice.password);
  await expect(a).toHaveURL('/');
  await signIn(b, bruno.email, bruno.password);
  await expect(b).toHaveURL('/');
  await b.goto(path);
  await a.goto(path);

  const paneA = a.getByRole('article', { name: `Ticket #${ticket.id}` });
  const paneB = b.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(paneA.getByText('My parcel has not arrived.')).toBeVisible();
  await expect(paneB.getByText('My parcel has not arrived.')).toBeVisible();

  // Presence: each sees the other on the ticket.
  await expect(paneB.getByText(`${alice.name} is viewing`)).toBeVisible();
  await expect(paneA.getByText(`${bruno.name} is viewing`)).toBeVisible();

  // Alice raises the priority; Bruno's ticket and list follow.
  await paneA.getByRole('combobox', { name: 'Priority' }).click();
  await a.getByRole('option', { name: 'Urgent', exact: true }).click();
  await expect(paneA.getByText('Urgent', { exact: true }).first()).toBeVisible();
  await expect(paneB.getByText('Urgent', { exact: true }).first()).toBeVisible();
  await expect(b.getByRole('list', { name: 'Tickets' }).locator('li', { hasText: subject })).toContainText(
    'Urgent',
  );

  // Alice starts a reply: Bruno sees her writing, then the reply itself.
  await paneA.getByRole('button', { name: 'Reply', exact: true }).click();
  await paneA.getByRole('textbox', { name: 'Reply' }).fill('We are tracking it with the carrier.');
  await expect(paneB.getByText(`${alice.name} is replying…`)).toBeVisible();
  await paneA.getByRole('button', { name: /^Send as / }).click();
  await expect(paneB.getByRole('article', { name: `Reply from ${alice.name}` })).toContainText(
    'We are tracking it with the carrier.',
  );

  await aliceContext.close();
  await brunoContext.close();
});
