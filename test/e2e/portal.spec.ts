import { expect, test } from './fixtures';
import { createTicket, createUser, signIn, unique } from './helpers';

test('a customer sends a request in the portal and sees the reply, never the internal note', async ({
  browser,
}) => {
  const email = `petra.${unique()}@customer.test`;
  // An earlier ticket makes Petra a known customer; her account is linked to that record.
  await createTicket({
    subject: `Earlier question ${unique()}`,
    message: 'How do I change my address?',
    requester: { email, name: 'Petra Portal' },
  });
  const customer = await createUser('customer', 'Petra Portal', email);
  const agent = await createUser('agent', 'Omar Agent');
  const subject = `Invoice shows the wrong VAT ${unique()}`;
  const replyText = 'We corrected the VAT and sent a new invoice.';
  const noteText = `Secret internal remark ${unique()}`;

  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  await signIn(customerPage, customer.email, customer.password);
  await expect(customerPage).toHaveURL('/portal');
  await expect(customerPage.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(customerPage.getByRole('heading', { name: /Hello Petra/ })).toBeVisible();

  await customerPage.getByRole('link', { name: 'New request' }).click();
  await customerPage.getByLabel('Subject').fill(subject);
  await customerPage
    .getByLabel('How can we help?')
    .fill('The invoice for March shows 19% VAT instead of 7%.');
  await customerPage.getByRole('button', { name: 'Send request' }).click();
  await expect(customerPage).toHaveURL(/\/portal\/requests\/\d+$/);
  await expect(customerPage.getByRole('heading', { name: subject })).toBeVisible();
  await expect(customerPage.getByText("We're on it")).toBeVisible();
  const ticketId = Number(new URL(customerPage.url()).pathname.split('/').pop());

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent.email, agent.password);
  await expect(agentPage).toHaveURL('/');
  await agentPage.goto(`/inbox/all/tickets/${ticketId}`);
  const pane = agentPage.getByRole('article', { name: `Ticket #${ticketId}` });
  await expect(pane.getByText('The invoice for March shows 19% VAT')).toBeVisible();
  await pane.getByRole('button', { name: 'Add note' }).click();
  await pane.getByRole('textbox', { name: 'Internal note' }).fill(noteText);
  await pane.getByRole('button', { name: 'Add note' }).click();
  await expect(pane.getByRole('article', { name: /^Internal note from/ })).toContainText(noteText);
  await pane.getByRole('button', { name: 'Reply', exact: true }).click();
  await pane.getByRole('textbox', { name: 'Reply' }).fill(replyText);
  await pane.getByRole('button', { name: 'Send with another status' }).click();
  await agentPage.getByRole('menuitem', { name: 'Send as Pending' }).click();
  await expect(pane.getByRole('article', { name: `Reply from ${agent.name}` })).toContainText(replyText);

  // No reload: the reply arrives on its own.
  const conversation = customerPage.getByRole('region', { name: 'Conversation' });
  await expect(conversation.getByRole('article', { name: `Message from ${agent.name}` })).toContainText(
    replyText,
  );
  await expect(customerPage.getByText('Waiting for your reply').first()).toBeVisible();
  await expect(customerPage.getByText(noteText)).toHaveCount(0);
  await expect(customerPage.getByText(/internal/i)).toHaveCount(0);
  expect(await customerPage.content()).not.toContain(noteText);

  await customerContext.close();
  await agentContext.close();
});
