import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeFindings, seriousViolations } from './axe';
import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eDataDir } from './global-setup';
import { adminApi, createTicket, createUser, signIn, unique } from './helpers';

test.setTimeout(180_000);

/** The campaign mail sent to an address, once the job has sent it, and whether it was answered. */
function campaignMail(email: string): { text: string; headers: string; answered: number } | null {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    const mail = db
      .prepare(`select text_body, headers from mail_outbox where to_address = ? and kind = 'nps_campaign'`)
      .get(email) as { text_body: string; headers: string } | undefined;
    const answered = db
      .prepare(
        'select count(*) as n from nps_recipients r join customers c on c.id = r.customer_id where c.email = ? and r.score is not null',
      )
      .get(email) as { n: number };
    return mail ? { text: mail.text_body, headers: mail.headers, answered: answered.n } : null;
  } finally {
    db.close();
  }
}

test('a manager creates an NPS campaign, a customer answers from the emailed link, the manager sees the answer', async ({
  browser,
}, testInfo) => {
  const api = await adminApi();
  await api.request('PATCH', '/nps-settings', { company: 'Kettle Works', capDays: 0 });
  const manager = await createUser('manager', 'Nia Campaigns');
  const tag = `kettle-${unique()}`.slice(0, 40);
  const email = `rowan.${unique()}@customer.test`;
  const ticket = await createTicket({
    subject: `Descaler question ${unique()}`,
    message: 'How often should I descale?',
    requester: { email, name: 'Rowan Kettle' },
  });
  const full = await api.request<{ requester: { id: number } }>('GET', `/tickets/${ticket.id}`);
  await api.request('PATCH', `/customers/${full.requester.id}`, { tags: [tag] });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, manager.email, manager.password);
  await page.goto('/feedback/campaigns');
  await expect(page.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const dialog = page.getByRole('dialog', { name: 'New NPS campaign' });
  const name = `Kettle owners ${unique()}`;
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Customer tags' }).fill(tag);
  await dialog.getByRole('combobox', { name: 'Customer tags' }).press('Enter');
  await expect(dialog.getByText(`Every customer with an email address, tagged ${tag}.`)).toBeVisible();
  await dialog.getByLabel('First run').fill('2020-01-01T09:00');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByText('active', { exact: true })).toBeVisible();

  // The campaign job runs every 30 seconds.
  await expect.poll(() => campaignMail(email), { timeout: 90_000, intervals: [1000] }).not.toBeNull();
  const mail = campaignMail(email)!;
  expect(mail.text).toContain('How likely are you to recommend Kettle Works');
  expect(JSON.parse(mail.headers)).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  const link = /https?:\/\/\S+\/nps\/[\w-]+/.exec(mail.text)?.[0];
  expect(link).toBeDefined();

  // The customer opens the link on a phone: nothing is recorded until they send.
  const customerContext = await browser.newContext({ viewport: phone });
  const customer = await customerContext.newPage();
  await customer.goto(new URL(link!).pathname);
  await expect(customer.getByRole('heading', { name: /recommend Kettle Works/ })).toBeVisible();
  expect(campaignMail(email)!.answered).toBe(0);
  await expectFitsWindow(customer, testInfo, 'phone-nps');
  const publicFindings = await seriousViolations(customer, 'NPS answer page');
  expect(publicFindings, describeFindings(publicFindings)).toEqual([]);
  await customer.locator('label', { hasText: /^9$/ }).click();
  await expect(customer.getByRole('radio', { name: '9 out of 10' })).toBeChecked();
  await customer.getByLabel(/main reason for your score/).fill('The <b>descaler</b> tip saved my kettle.');
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer.getByRole('heading', { name: 'Thank you for your answer' })).toBeVisible();
  expect(campaignMail(email)!.answered).toBe(1);

  // The mail's unsubscribe link asks first (opening it records nothing), then confirms.
  await customer.getByRole('button', { name: 'Change my answer' }).click();
  await customer.getByRole('link', { name: 'No more surveys like this one' }).click();
  await expect(customer.getByRole('heading', { name: 'Unsubscribe from occasional surveys?' })).toBeVisible();
  const unsubscribeFindings = await seriousViolations(customer, 'unsubscribe page');
  expect(unsubscribeFindings, describeFindings(unsubscribeFindings)).toEqual([]);
  await customer.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(customer.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
  await customerContext.close();

  // The manager sees the answer, the comment as written, and the score.
  await page.reload();
  const answer = page.getByRole('article', { name: 'Answer from Rowan Kettle' });
  await expect(answer).toContainText('9 · promoter');
  await expect(answer).toContainText('The <b>descaler</b> tip saved my kettle.');
  await expect(page.getByText('1 of 1 mails answered')).toBeVisible();
  const resultFindings = await seriousViolations(page, 'campaign results');
  expect(resultFindings, describeFindings(resultFindings)).toEqual([]);
  await context.close();
});
