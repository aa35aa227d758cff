import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { e2eAdmin, e2eDataDir } from './global-setup';
import { adminApi, createTicket, signIn, unique } from './helpers';

/** Picks a tab of the ticket pane (a segmented control: its label takes the click). */
function tab(page: Page, name: string | RegExp) {
  return page
    .getByRole('radiogroup', { name: 'Conversation, side conversations or history' })
    .getByText(name, { exact: typeof name === 'string' })
    .click();
}

function database() {
  return new Database(resolve(e2eDataDir, 'steward.db'));
}

/** The Message-ID our mail to the third party went out with. */
function sentMessageId(body: string): string {
  const db = database();
  try {
    const row = db.prepare('select message_id from side_conversation_messages where body = ?').get(body) as
      | { message_id: string }
      | undefined;
    if (!row) throw new Error(`no side message "${body}"`);
    return row.message_id;
  } finally {
    db.close();
  }
}

/** The third party answers, stored the way the SMTP listener stores mail; the intake job takes it from there. */
function supplierReplies(from: string, to: string, inReplyTo: string, messageId: string, text: string) {
  const raw = [
    `From: Sam Supplier <${from}>`,
    `To: ${to}`,
    'Subject: Re: Kettle stock',
    `Message-ID: <${messageId}>`,
    `In-Reply-To: <${inReplyTo}>`,
    `References: <${inReplyTo}>`,
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    '',
    text,
  ].join('\r\n');
  const db = database();
  try {
    db.prepare(
      `insert into inbound_mail (mailbox_id, source, envelope_from, recipients, message_id, sender,
        subject, raw, size, status, attempts, released, received_at)
       values (null, 'smtp', ?, ?, ?, ?, 'Re: Kettle stock', ?, ?, 'queued', 0, 0, ?)`,
    ).run(
      from,
      JSON.stringify([to]),
      messageId,
      from,
      Buffer.from(raw),
      raw.length,
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
}

test('an agent mails a supplier from a ticket and reads the answer there, also on a phone', async ({
  page,
}) => {
  const id = unique();
  const supplier = `orders.${id}@supplier.example`;
  const support = `support.${id}@example.test`;
  await (await adminApi()).request('POST', '/mailboxes', {
    address: support,
    displayName: 'Support',
    autoAck: false,
  });
  const ticket = await createTicket({
    subject: `Kettle never arrived ${id}`,
    message: 'Where is my kettle?',
    requester: { email: `pat.${id}@customer.example`, name: 'Pat' },
  });
  const question = `Any kettles left? ${id}`;

  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await page.goto(`/inbox/all/tickets/${ticket.id}`);
  await expect(
    page.getByRole('heading', { name: new RegExp(`Kettle never arrived ${id}`), level: 2 }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await tab(page, 'Side conversations');
  await expect(page.getByText('No side conversations yet')).toBeVisible();
  await page.getByRole('button', { name: 'Start a side conversation' }).click();
  const form = page.getByRole('form', { name: 'New side conversation' });
  await form.getByPlaceholder('name@example.com, then Enter').fill(supplier);
  await form.getByPlaceholder('name@example.com, then Enter').press('Enter');
  await form.getByRole('textbox', { name: 'Subject' }).fill('Kettle stock');
  await form.getByRole('textbox', { name: 'Message' }).fill(question);
  await form.getByRole('button', { name: 'Send' }).click();

  const card = page.getByRole('article', { name: 'Side conversation: Kettle stock' });
  await expect(card).toContainText(question);
  await expect(card).toContainText(`With ${supplier}`);

  const answer = `Twelve kettles, three of them red. ${id}`;
  supplierReplies(supplier, support, sentMessageId(question), `answer.${id}@supplier.example`, answer);
  await expect(card).toContainText(answer, { timeout: 20_000 });

  // The customer's conversation has none of it.
  await tab(page, /^Conversation \(/);
  await expect(page.getByText('Where is my kettle?')).toBeVisible();
  await expect(page.getByText(answer)).toHaveCount(0);

  // On a phone the tab and the reply box are in reach.
  await page.setViewportSize({ width: 390, height: 800 });
  await tab(page, 'Side conversations');
  const reply = card.getByRole('textbox', { name: `Reply to ${supplier}` });
  await reply.scrollIntoViewIfNeeded();
  await expect(reply).toBeInViewport();
  await reply.fill(`Two red ones, please. ${id}`);
  await card.getByRole('button', { name: 'Send reply' }).click();
  await expect(card).toContainText(`Two red ones, please. ${id}`);
});
