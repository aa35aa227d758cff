import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eDataDir } from './global-setup';
import { adminApi, createTicket, createUser, signIn, unique } from './helpers';

test.setTimeout(180_000);

/** The text of the first mail to an address whose subject starts so (mail stays in the outbox here). */
function mailTo(email: string, subjectStart: string): string | null {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    const mail = db
      .prepare('select text_body from mail_outbox where to_address = ? and subject like ? order by id')
      .get(email, `${subjectStart}%`) as { text_body: string } | undefined;
    return mail?.text_body ?? null;
  } finally {
    db.close();
  }
}

function consentOf(email: string) {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    return db
      .prepare(
        'select t.state, t.display_name, t.consented_at from testimonials t join customers c on c.id = t.customer_id where c.email = ?',
      )
      .get(email) as { state: string; display_name: string | null; consented_at: string | null } | undefined;
  } finally {
    db.close();
  }
}

test('a promoter approves being quoted from the emailed link, and the manager sees it in Testimonials', async ({
  browser,
}, testInfo) => {
  const api = await adminApi();
  await api.request('PATCH', '/surveys/settings', {
    enabled: true,
    delayMinutes: 0,
    scale: 'five',
    askEffort: false,
    channels: [],
    types: [],
    teamIds: [],
  });
  await api.request('PATCH', '/testimonial-settings', { enabled: true, delayMinutes: 0, capDays: 0 });
  const manager = await createUser('manager', 'Tess Quotes');
  const agent = await createUser('agent', 'Ravi Helper');
  const email = `pat.${unique()}@customer.test`;
  const ticket = await createTicket({
    subject: `Grinder arrived early ${unique()}`,
    message: 'Just saying thanks.',
    requester: { email, name: 'Pat Promoter' },
    assigneeId: agent.id,
  });
  await api.request('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });

  // The survey goes out; the customer gives five stars with a comment (hostile markup included).
  await expect
    .poll(() => mailTo(email, 'How did we do'), { timeout: 60_000, intervals: [1000] })
    .not.toBeNull();
  const surveyToken = /\/survey\/([\w-]+)\?rating=/.exec(mailTo(email, 'How did we do')!)?.[1];
  const quote = `Ravi was <img src=x onerror="window.hacked=1"> superb ${unique()}`;
  const answerContext = await browser.newContext();
  const answerPage = await answerContext.newPage();
  await answerPage.goto(`/survey/${surveyToken}?rating=5`);
  await answerPage.getByLabel('Anything you want to tell us?').fill(quote);
  await answerPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(answerPage.getByRole('heading', { name: 'Thank you for your answer' })).toBeVisible();
  await answerContext.close();

  // The testimonial job mails the request.
  await expect
    .poll(() => mailTo(email, 'May we quote you'), { timeout: 90_000, intervals: [2000] })
    .not.toBeNull();
  const link = /\/testimonial\/[\w-]+/.exec(mailTo(email, 'May we quote you')!)?.[0];
  expect(link).toBeDefined();

  const customerContext = await browser.newContext({ viewport: phone });
  const page = await customerContext.newPage();
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'May we quote you?' })).toBeVisible({ timeout: 30_000 });
  // The quote is shown exactly, as text.
  await expect(page.getByTestId('testimonial-quote')).toHaveText(quote);
  expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
  // Opening the page recorded nothing.
  expect(consentOf(email)).toMatchObject({ state: 'requested', consented_at: null });
  await expectFitsWindow(page, testInfo, 'phone-testimonial');
  await page.getByRole('radio', { name: /^Pat,|^Pat$/ }).check();
  await page.getByRole('button', { name: 'I agree' }).click();
  await expect(page.getByText('You agreed that we may quote you. Thank you!')).toBeVisible();
  expect(consentOf(email)).toMatchObject({ state: 'approved', display_name: 'Pat' });
  await customerContext.close();

  const context = await browser.newContext();
  const managerPage = await context.newPage();
  await signIn(managerPage, manager.email, manager.password);
  await expect(managerPage).toHaveURL('/', { timeout: 30_000 });
  await managerPage
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Feedback', exact: true })
    .click();
  await expect(managerPage.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible({
    timeout: 30_000,
  });
  await managerPage.getByRole('tab', { name: 'Testimonials' }).click();
  await expect(managerPage).toHaveURL('/feedback/testimonials');
  const table = managerPage.getByRole('table', { name: 'Testimonials' });
  const row = table.getByRole('row').filter({ hasText: quote });
  await expect(row).toContainText('Approved', { timeout: 30_000 });
  await expect(row).toContainText('Pat');
  await row.getByRole('button', { name: 'Unpublish' }).click();
  await expect(row).toContainText('Unpublished');
  await context.close();
});
