import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generate } from 'otplib';
import { expect, test } from './fixtures';
import { e2eBaseUrl, e2eDataDir } from './global-setup';
import { ApiSession, createUser } from './helpers';

/** The token of the last sign-in link mailed to an address (mail stays in the outbox here). */
function lastLinkToken(email: string): string {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    const row = db
      .prepare('select text_body from mail_outbox where to_address = ? order by id desc limit 1')
      .get(email) as { text_body: string } | undefined;
    return /token=([\w-]+)/.exec(row?.text_body ?? '')?.[1] ?? '';
  } finally {
    db.close();
  }
}

test('a customer with two-factor on gives their code after following a sign-in link', async ({
  page,
  allowConsoleError,
}) => {
  // The link alone, then a wrong code, are answered 401 (a code is needed, that one did not work).
  allowConsoleError(/status of 401/);
  const customer = await createUser('customer', 'Tess Twofactor');
  const session = await ApiSession.signIn(customer.email, customer.password);
  const { secret } = await session.request<{ secret: string }>('POST', '/me/two-factor');
  await session.request('PUT', '/me/two-factor', { code: await generate({ secret }) });

  const asked = await fetch(`${e2eBaseUrl}/api/v1/portal/magic-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: customer.email }),
  });
  expect(asked.status).toBe(202);
  const token = lastLinkToken(customer.email);
  expect(token).not.toBe('');

  await page.goto(`/portal/magic?token=${token}`);
  const form = page.getByRole('form', { name: 'Two-factor code' });
  await expect(form.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await form.getByLabel('Authentication code').fill('000000');
  await form.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(form.getByRole('alert')).toContainText('That code did not work');

  // The code of the next 30-second step: the set-up code's step is spent.
  const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await form.getByLabel('Authentication code').fill(next);
  await form.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL('/portal');
  await expect(page.getByRole('heading', { name: /Hello Tess/ })).toBeVisible();
});
