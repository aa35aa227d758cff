import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeFindings, seriousViolations } from './axe';
import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eDataDir } from './global-setup';
import { adminApi, createTicket, createUser, signIn, unique } from './helpers';

test.setTimeout(150_000);

/** The survey link's token mailed to an address, once the job has sent it. */
function surveyToken(email: string): string | null {
  const db = new Database(join(e2eDataDir, 'steward.db'), { readonly: true });
  try {
    const mail = db
      .prepare(`select text_body from mail_outbox where to_address = ? and subject like 'How did we do%'`)
      .get(email) as { text_body: string } | undefined;
    return mail ? (/\/survey\/([\w-]+)\?rating=/.exec(mail.text_body)?.[1] ?? null) : null;
  } finally {
    db.close();
  }
}

test('a manager opens the follow-up of a negative answer, contacts the customer and marks it resolved', async ({
  page,
}, testInfo) => {
  const api = await adminApi();
  await api.request('PATCH', '/surveys/settings', {
    enabled: true,
    delayMinutes: 0,
    scale: 'five',
    channels: [],
    types: [],
    teamIds: [],
  });
  const manager = await createUser('manager', 'Greta Followup');
  const agent = await createUser('agent', 'Piet Solver');
  const email = `rowan.${unique()}@customer.test`;
  const ticket = await createTicket({
    subject: `Blender arrived cracked ${unique()}`,
    message: 'The jug has a crack along the side.',
    requester: { email, name: 'Rowan Blender' },
    assigneeId: agent.id,
  });
  await api.request('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });
  await expect.poll(() => surveyToken(email), { timeout: 60_000, intervals: [1000] }).not.toBeNull();
  const comment = `Took over a week and nobody told me anything ${unique()}`;
  await api.request('PUT', `/public/surveys/${surveyToken(email)}/answer`, { rating: 1, comment });

  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.goto('/feedback/follow-ups');
  await expect(page.getByRole('tab', { name: 'Follow-ups', selected: true })).toBeVisible();
  await page
    .getByRole('button', { name: new RegExp(`Rowan Blender: Very dissatisfied: ${comment}`) })
    .click();

  const drawer = page.getByRole('dialog', { name: 'Follow-up' });
  await expect(drawer).toContainText(comment);
  await expect(drawer).toContainText('Opened by the negative answer');
  const drawerFindings = await seriousViolations(page, 'follow-up drawer');
  expect(drawerFindings, describeFindings(drawerFindings)).toEqual([]);
  await drawer.getByRole('button', { name: 'Contact customer' }).click();
  const contact = page.getByRole('dialog', { name: 'Contact customer' });
  await contact.getByLabel('Message').fill('Sorry to read this, Rowan. A new jug is on its way today.');
  await contact.getByRole('button', { name: 'Open ticket' }).click();
  await expect(contact).toBeHidden();
  await expect(drawer.getByText(/^Customer contacted on #\d+$/)).toBeVisible();
  await expect(drawer.getByText('Contacted', { exact: true })).toBeVisible();
  const link = drawer.getByRole('link', { name: /Following up: Blender arrived cracked/ });
  await expect(link).toBeVisible();

  await drawer.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog', { name: 'Resolve follow-up' });
  await resolve.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Recovered', exact: true }).click();
  await resolve.getByLabel('What happened').fill('Replacement sent, customer thanked us.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();
  await expect(drawer.getByText('Resolved', { exact: true }).first()).toBeVisible();
  await expect(drawer).toContainText('Replacement sent, customer thanked us.');
  await expect(drawer).toContainText('Resolved: Recovered');

  // The list counts it as closed, and reads well on a phone.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByText('Closed', { exact: true }).last().click();
  await expect(page.getByRole('button', { name: /Rowan Blender: Very dissatisfied/ })).toBeVisible();
  const listFindings = await seriousViolations(page, 'follow-ups list');
  expect(listFindings, describeFindings(listFindings)).toEqual([]);
  await page.setViewportSize(phone);
  await expect(page.getByRole('button', { name: /Rowan Blender: Very dissatisfied/ })).toBeVisible();
  await expectFitsWindow(page, testInfo, 'phone-follow-ups');
  await page.getByRole('tab', { name: 'Themes' }).click();
  await expect(page.getByRole('heading', { name: 'Theme rules' })).toBeVisible();
  const themeFindings = await seriousViolations(page, 'themes tab');
  expect(themeFindings, describeFindings(themeFindings)).toEqual([]);
  await expectFitsWindow(page, testInfo, 'phone-themes');

  // The contact ticket is a real ticket for the customer.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/feedback/follow-ups?view=all');
  await page.getByRole('button', { name: /Rowan Blender: Very dissatisfied/ }).click();
  await link.click();
  await expect(page).toHaveURL(/\/inbox\/all\/tickets\/\d+/);
  await expect(page.getByText('A new jug is on its way today.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Follow-ups' })).toContainText(
    'Opened to contact the customer about follow-up',
  );
});
