import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createTicket, createUser, signIn, unique } from './helpers';

const imgPayload = '<img src=x onerror="window.__xss=1">';
const scriptPayload = '<script>window.__xss=1</script>';

async function expectNoScriptRan(page: Page): Promise<void> {
  await expect(page.locator('[onerror]')).toHaveCount(0);
  await expect(page.locator('script', { hasText: '__xss' })).toHaveCount(0);
  // Give any injected handler the chance to run before checking.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
}

test('markup in a subject and message is shown as text to agents and in the portal', async ({ browser }) => {
  const email = `mallory.${unique()}@customer.test`;
  const subject = `Help ${imgPayload} ${scriptPayload}`;
  const ticket = await createTicket({
    subject,
    message: `Hello ${imgPayload} and ${scriptPayload} bye`,
    requester: { email, name: 'Mallory Markup' },
  });
  const customer = await createUser('customer', 'Mallory Markup', email);
  const agent = await createUser('agent', 'Xavier Safe');

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent.email, agent.password);
  await expect(agentPage).toHaveURL('/');
  await agentPage.goto(`/inbox/all/tickets/${ticket.id}`);
  const pane = agentPage.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(pane.getByRole('heading', { name: new RegExp(`#${ticket.id}`) })).toContainText(imgPayload);
  await expect(pane.getByRole('heading', { name: new RegExp(`#${ticket.id}`) })).toContainText(scriptPayload);
  await expect(pane.getByRole('article', { name: /^Customer from/ })).toContainText('bye');
  await expectNoScriptRan(agentPage);

  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  await signIn(customerPage, customer.email, customer.password);
  await expect(customerPage).toHaveURL('/portal');
  await expect(customerPage.getByRole('list', { name: 'Your requests' })).toContainText(imgPayload);
  await customerPage.goto(`/portal/requests/${ticket.id}`);
  await expect(customerPage.getByRole('heading', { level: 1 })).toContainText(imgPayload);
  await expect(customerPage.getByRole('heading', { level: 1 })).toContainText(scriptPayload);
  await expect(customerPage.getByRole('article', { name: 'Your message' })).toContainText('bye');
  await expectNoScriptRan(customerPage);

  await agentContext.close();
  await customerContext.close();
});
