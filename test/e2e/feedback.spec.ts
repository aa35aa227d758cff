import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeFindings, seriousViolations } from './axe';
import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eBaseUrl, e2eDataDir } from './global-setup';
import { adminApi, createTicket, createUser, signIn, unique } from './helpers';

test.setTimeout(150_000);

/** The survey mail sent to an address, once the job has sent it (mail stays in the outbox here). */
function surveyMail(email: string): { text: string; answered: number } | null {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    const mail = db
      .prepare(`select text_body from mail_outbox where to_address = ? and subject like 'How did we do%'`)
      .get(email) as { text_body: string } | undefined;
    const answered = db
      .prepare(
        'select count(*) as n from survey_answers a join customers c on c.id = a.customer_id where c.email = ?',
      )
      .get(email) as { n: number };
    return mail ? { text: mail.text_body, answered: answered.n } : null;
  } finally {
    db.close();
  }
}

test('a customer answers the survey from the emailed link, and the manager reads it in the feedback inbox', async ({
  browser,
}, testInfo) => {
  const api = await adminApi();
  await api.request('PATCH', '/surveys/settings', {
    enabled: true,
    delayMinutes: 0,
    scale: 'five',
    askEffort: true,
    channels: [],
    types: [],
    teamIds: [],
  });
  const reason = `Clear explanation ${unique()}`;
  await api.request('POST', '/surveys/reasons', { label: reason });
  const manager = await createUser('manager', 'Nadia Feedback');
  const agent = await createUser('agent', 'Oscar Solver');
  const email = `quinn.${unique()}@customer.test`;
  const ticket = await createTicket({
    subject: `Kettle lid will not close ${unique()}`,
    message: 'The lid springs open when the water boils.',
    requester: { email, name: 'Quinn Kettle' },
    assigneeId: agent.id,
  });
  await api.request('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });

  // The survey job runs every 15 seconds.
  await expect.poll(() => surveyMail(email), { timeout: 60_000, intervals: [1000] }).not.toBeNull();
  const link = /\/survey\/[\w-]+\?rating=4/.exec(surveyMail(email)!.text)?.[0];
  expect(link).toBeDefined();

  // The customer follows "4 – Satisfied" from the mail: chosen, but not recorded until sent.
  const customerContext = await browser.newContext({ viewport: phone });
  const page = await customerContext.newPage();
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
  await expect(page.getByText(`About your request #${ticket.id}`)).toBeVisible();
  await expect(page.getByRole('radio', { name: '4 · Satisfied' })).toBeChecked();
  expect(surveyMail(email)!.answered).toBe(0);
  await expectFitsWindow(page, testInfo, 'phone-survey');
  await page.getByRole('radio', { name: /6 · Agree/ }).check();
  await page.getByRole('combobox', { name: 'What mattered most?' }).click();
  await page.getByRole('option', { name: reason }).click();
  await page.getByLabel('Anything you want to tell us?').fill('Oscar found the fix <b>quickly</b>.');
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your answer' })).toBeVisible();
  expect(surveyMail(email)!.answered).toBe(1);
  await customerContext.close();

  // The manager finds it in the feedback inbox, with its comment as the customer wrote it.
  const context = await browser.newContext();
  const managerPage = await context.newPage();
  await signIn(managerPage, manager.email, manager.password);
  await expect(managerPage).toHaveURL('/');
  await managerPage
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Feedback', exact: true })
    .click();
  await expect(managerPage.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
  const answer = managerPage.getByRole('article', { name: `Answer about ticket #${ticket.id}` });
  await expect(answer).toContainText('4 · Satisfied');
  await expect(answer).toContainText('Effort 6/7');
  await expect(answer).toContainText(reason);
  await expect(answer).toContainText('Oscar found the fix <b>quickly</b>.');
  await expect(answer).toContainText('solved by Oscar Solver');
  await answer.getByRole('link', { name: 'Oscar Solver' }).click();
  await expect(managerPage).toHaveURL(new RegExp(`agentId=${agent.id}`));
  await expect(managerPage.getByRole('article')).toHaveCount(1);
  await context.close();
});

/** The token of the NPS campaign link mailed to an address, once the job has sent it. */
function campaignToken(email: string): string | null {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    const mail = db
      .prepare(`select text_body from mail_outbox where to_address = ? and kind = 'nps_campaign'`)
      .get(email) as { text_body: string } | undefined;
    return mail ? (/\/nps\/([\w-]+)/.exec(mail.text_body)?.[1] ?? null) : null;
  } finally {
    db.close();
  }
}

test('the manager switches the feedback inbox to NPS, reads a campaign answer with its tone, and tags it', async ({
  browser,
}, testInfo) => {
  const api = await adminApi();
  await api.request('PATCH', '/nps-settings', { capDays: 0 });
  const manager = await createUser('manager', 'Nadia Promoters');
  const tag = `inbox-${unique()}`.slice(0, 40);
  const customerName = `Sky Detractor ${unique()}`;
  const email = `sky.${unique()}@customer.test`;
  const ticket = await createTicket({
    subject: `Refund question ${unique()}`,
    message: 'Where is my refund?',
    requester: { email, name: customerName },
  });
  const full = await api.request<{ requester: { id: number } }>('GET', `/tickets/${ticket.id}`);
  await api.request('PATCH', `/customers/${full.requester.id}`, { tags: [tag] });
  const campaignName = `Inbox check ${unique()}`;
  await api.request('POST', '/nps-campaigns', {
    name: campaignName,
    segment: { tags: [tag] },
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    status: 'active',
  });
  const theme = `Refunds ${unique()}`.slice(0, 40);
  await api.request('POST', '/feedback/themes', { name: theme });

  // The campaign job runs every 30 seconds; the customer answers from the link.
  await expect.poll(() => campaignToken(email), { timeout: 90_000, intervals: [1000] }).not.toBeNull();
  const answered = await fetch(`${e2eBaseUrl}/api/v1/public/nps/${campaignToken(email)}/answer`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 3, comment: 'The refund was awful: slow, and nobody told me why.' }),
  });
  expect(answered.status).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.goto('/feedback');
  await expect(page.getByRole('radio', { name: 'CSAT / CES' })).toBeChecked();
  await page.locator('label').filter({ hasText: /^NPS$/ }).click();
  await expect(page.getByRole('radio', { name: 'NPS' })).toBeChecked();
  await expect(page).toHaveURL(/survey=nps/);
  // Filters that belong to tickets are not offered for NPS answers.
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Campaign' })).toBeVisible();
  const answer = page.getByRole('article', { name: `NPS answer from ${customerName}` });
  await expect(answer).toContainText('3 · Detractor');
  await expect(answer).toContainText('The refund was awful: slow, and nobody told me why.');
  await expect(answer).toContainText('Negative tone');
  await expect(answer.getByRole('link', { name: campaignName })).toBeVisible();
  await expect(page.getByText('% promoters − % detractors')).toBeVisible();
  const findings = await seriousViolations(page, 'NPS answers in the feedback inbox');
  expect(findings, describeFindings(findings)).toEqual([]);

  // Tagged by hand, as survey answers are.
  await answer.getByRole('button', { name: `Themes of ${customerName}'s NPS answer` }).click();
  await page.getByRole('menuitem', { name: theme }).click();
  await expect(answer).toContainText(theme);
  await page.keyboard.press('Escape');

  // Only detractors: the answer stays; on a phone the inbox fits the window.
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: 'Detractors (0–6)' }).click();
  await expect(page).toHaveURL(/group=detractor/);
  await expect(answer).toBeVisible();
  await page.setViewportSize(phone);
  await expect(answer).toBeVisible();
  await expectFitsWindow(page, testInfo, 'phone-nps-inbox');
  await context.close();
});
