import { expect, test } from '@playwright/test';
import { expectFitsWindow, phone } from './fit';
import { createTicket, createUser, signIn, unique } from './helpers';

test('an agent previews a reply, sends it with a Cc, takes it back with Undo, then lets it go', async ({
  page,
}) => {
  const agent = await createUser('agent', 'Morgan Reyes');
  const subject = `Invoice in the wrong currency ${unique()}`;
  const finance = `finance.${unique()}@customer.test`;
  const ticket = await createTicket({
    subject,
    message: 'My invoice is in dollars, I pay in euros.',
    requester: { email: `pat.${unique()}@customer.test`, name: 'Pat Customer' },
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/all/tickets/${ticket.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await pane.getByRole('button', { name: 'Reply', exact: true }).click();

  // Rich text by default; the text goes out as Markdown.
  const editor = pane.getByRole('textbox', { name: 'Reply' });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.click();
  await page.keyboard.type('We will send a new invoice in ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('euros');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' today.');

  await pane.getByRole('button', { name: 'Cc', exact: true }).click();
  const cc = pane.locator('input[aria-label="Cc"]');
  await cc.fill(finance);
  await cc.press('Enter');

  await pane.getByRole('button', { name: 'Preview' }).click();
  const preview = pane.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('euros');
  await pane.getByRole('button', { name: 'Preview' }).click();

  // Sent, then taken back within the five seconds: nothing reaches the conversation.
  await pane.getByRole('button', { name: /^Send as / }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'Sending…' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(pane.getByRole('textbox', { name: 'Reply' })).toContainText('today.');
  await expect(pane.getByRole('article', { name: `Reply from ${agent.name}` })).toHaveCount(0);

  // Sent again and left to go: the reply shows with its recipients.
  await pane.getByRole('button', { name: /^Send as / }).click();
  const reply = pane.getByRole('article', { name: `Reply from ${agent.name}` });
  await expect(reply).toContainText('euros', { timeout: 15_000 });
  await expect(reply.locator('strong')).toHaveText('euros');
  await expect(reply.getByLabel('Recipients')).toContainText(finance);
  await expect(page.getByText('Reply sent')).toBeVisible();
  // Assign on reply: the ticket is now the agent's.
  await expect(pane.getByRole('combobox', { name: 'Assignee' })).toHaveValue(agent.name);
});

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the reply composer with its recipients, toolbar and preview fits the screen', async ({
    page,
  }, testInfo) => {
    const agent = await createUser('agent', 'Pia Phone');
    const ticket = await createTicket({
      subject: `Tracking link broken ${unique()}`,
      message: 'The tracking link in your mail leads nowhere.',
      requester: { email: `sam.${unique()}@customer.test`, name: 'Sam Customer' },
    });
    await signIn(page, agent.email, agent.password);
    await expect(page).toHaveURL('/');
    await page.goto(`/inbox/all/tickets/${ticket.id}`);
    const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
    await pane.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(pane.getByRole('textbox', { name: 'Reply' })).toBeVisible();
    await pane.getByRole('button', { name: 'Cc', exact: true }).click();
    await pane.getByRole('button', { name: 'Bcc', exact: true }).click();
    await expectFitsWindow(page, testInfo, 'phone-composer');
    await pane.getByRole('textbox', { name: 'Reply' }).fill('We are fixing the link today.');
    await pane.getByRole('button', { name: 'Preview' }).click();
    await expect(pane.getByRole('region', { name: 'Preview' })).toContainText(
      'We are fixing the link today.',
    );
    await expectFitsWindow(page, testInfo, 'phone-composer-preview');
  });
});
