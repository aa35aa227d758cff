import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { e2eAdmin, e2eDataDir } from './global-setup';
import { adminApi, signIn, unique } from './helpers';

/**
 * Stores a raw mail the way the SMTP listener does (ADR 0004: received mail is kept in the
 * database first); the server's intake job then puts it on a ticket.
 */
function receive(to: string, from: string, messageId: string, lines: string[]): number {
  const raw = [
    ...lines,
    `From: ${from}`,
    `To: ${to}`,
    `Message-ID: <${messageId}>`,
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    '',
    'The blender broke after two days.',
  ].join('\r\n');
  const db = new Database(resolve(e2eDataDir, 'steward.db'));
  try {
    const row = db
      .prepare(
        `insert into inbound_mail (mailbox_id, source, envelope_from, recipients, message_id, sender,
          subject, raw, size, status, attempts, released, received_at)
         values (null, 'smtp', ?, ?, ?, ?, 'Broken blender', ?, ?, 'queued', 0, 0, ?)`,
      )
      .run(
        from,
        JSON.stringify([to]),
        messageId,
        from,
        Buffer.from(raw),
        raw.length,
        new Date().toISOString(),
      );
    return Number(row.lastInsertRowid);
  } finally {
    db.close();
  }
}

async function ticketOf(inboundId: number): Promise<number> {
  const api = await adminApi();
  let ticketId: number | null = null;
  await expect
    .poll(
      async () => {
        ticketId = (await api.request<{ ticketId: number | null }>('GET', `/inbound-mail/${inboundId}`))
          .ticketId;
        return ticketId;
      },
      { timeout: 20_000 },
    )
    .not.toBeNull();
  return ticketId!;
}

test('a forged reply only suggests its copy, flagged as failing DMARC; the agent decides', async ({
  page,
}) => {
  const id = unique();
  const support = `support.${id}@example.test`;
  const dana = `dana.${id}@customer.example`;
  await (await adminApi()).request('POST', '/mailboxes', {
    address: support,
    displayName: 'Support',
    autoAck: false,
  });
  const ticketId = await ticketOf(
    receive(support, `Dana <${dana}>`, `first.${id}@customer.example`, [
      'Subject: Broken blender',
      `Cc: boss.${id}@customer.example`,
    ]),
  );
  const forged = receive(support, `Dana <${dana}>`, `forged.${id}@attacker.example`, [
    'Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=attacker.example; dkim=none; dmarc=fail header.from=customer.example',
    'Received: from attacker.example by mx.example.test',
    `Subject: Re: Broken blender [#${ticketId}]`,
    `In-Reply-To: <first.${id}@customer.example>`,
    `Cc: thief.${id}@attacker.example`,
  ]);
  expect(await ticketOf(forged)).toBe(ticketId);

  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto(`/inbox/all/tickets/${ticketId}`);
  // The whole inbox loads first; on a busy machine that can take a while.
  await expect(page.getByRole('heading', { name: /Broken blender/, level: 2 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('SPF fail · DKIM none · DMARC fail')).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('alert').filter({ hasText: 'This mail may not be from its sender' }),
  ).toBeVisible();

  const copies = page.getByRole('region', { name: 'Copies', exact: true });
  await expect(copies).toContainText(`boss.${id}@customer.example`);
  const suggested = copies.getByRole('region', { name: 'Suggested copies' });
  await expect(suggested).toContainText(`thief.${id}@attacker.example`);
  await expect(suggested).toContainText(`In copy on the mail from ${dana}`);

  // On a phone the section is in the ticket's properties drawer, every button still in reach.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByRole('button', { name: 'Properties' }).click();
  const drawer = page.getByRole('dialog', { name: `Ticket #${ticketId}` });
  const add = drawer
    .getByRole('region', { name: 'Suggested copies' })
    .getByRole('button', { name: `Add thief.${id}@attacker.example to copies` });
  await add.scrollIntoViewIfNeeded();
  await expect(add).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 720 });

  await suggested.getByRole('button', { name: `Dismiss thief.${id}@attacker.example` }).click();
  await expect(copies.getByRole('region', { name: 'Suggested copies' })).toHaveCount(0);
  await copies.getByRole('button', { name: `Remove boss.${id}@customer.example from copies` }).click();
  await expect(copies).toHaveCount(0);
  const state = await (await adminApi()).request<{ copies: string[] }>('GET', `/tickets/${ticketId}/copies`);
  expect(state.copies).toEqual([]);
});
