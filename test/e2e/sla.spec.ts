import { expectFitsWindow, laptop, phone } from './fit';
import { expect, test } from './fixtures';
import { adminApi, createUser, signIn, unique } from './helpers';

test.setTimeout(120_000);

test('a manager sets a first-reply target; a request from the contact form shows its clock and breaches soon', async ({
  browser,
  request,
}, testInfo) => {
  const manager = await createUser('manager', 'Mona Targets');
  const agent = await createUser('agent', 'Abe Clocks');
  const name = `Web requests ${unique()}`;

  // The manager creates the policy on the page: web form requests get a first reply within an hour.
  const managerContext = await browser.newContext();
  const page = await managerContext.newPage();
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.goto('/admin/sla-policies');
  await expect(page.getByRole('heading', { level: 1, name: 'SLA policies' })).toBeVisible();
  await page.getByRole('button', { name: 'New policy' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New service-level policy' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Channels' }).click();
  await page.getByRole('option', { name: 'Web form' }).click();
  await page.keyboard.press('Escape');
  await dialog.getByLabel('Normal: First reply, hours').fill('1');
  await dialog.getByLabel('Normal: First reply, in business hours').uncheck();
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(dialog).toBeHidden();
  const policies = page.getByRole('list', { name: 'Policies, first to last' });
  const policy = policies.getByRole('listitem', { name });
  await expect(policy).toContainText('via Web form');
  await expect(policy).toContainText('Normal: first reply 1 h around the clock');

  // A second policy, for phone calls, tried first: the dry run shows the order before it is saved.
  const api = await adminApi();
  const phoneName = `Phone calls ${unique()}`;
  await api.request('POST', '/sla-policies', {
    name: phoneName,
    conditions: { channel: ['phone'] },
    targets: { urgent: { first_reply: { minutes: 15, businessHours: false } } },
  });
  await page.reload();
  await policies.getByRole('button', { name: `Move ${phoneName} up` }).click();
  const dryRun = page.getByRole('region', { name: 'The new order, tried on the last 100 tickets' });
  await expect(dryRun).toContainText(/No ticket would change policy|would change policy/);
  await dryRun.getByRole('button', { name: 'Save order' }).click();
  await expect(dryRun).toBeHidden();
  const names = policies.getByRole('listitem');
  const phoneIndex = await names.evaluateAll(
    (items, n) => items.findIndex((i) => i.getAttribute('aria-label') === n),
    phoneName,
  );
  const webIndex = await names.evaluateAll(
    (items, n) => items.findIndex((i) => i.getAttribute('aria-label') === n),
    name,
  );
  expect(phoneIndex).toBeLessThan(webIndex);
  await page.setViewportSize(phone);
  await expectFitsWindow(page, testInfo, 'phone-sla-policies');
  await managerContext.close();

  // A customer writes in through the contact form.
  const subject = `Where is my parcel ${unique()}`;
  const sent = await request.post('/api/v1/public/contact', {
    headers: { 'x-forwarded-for': `198.51.100.${1 + Math.floor(Math.random() * 254)}` },
    data: {
      name: 'Pat Parcel',
      email: `pat.${unique()}@customer.test`,
      subject,
      message: 'It has been a week.',
    },
  });
  expect(sent.status()).toBe(202);
  const ticketId = Number(((await sent.json()) as { reference: string }).reference.slice(1));

  // The agent opens it and sees the first-reply clock running.
  const agentContext = await browser.newContext({ viewport: laptop });
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent.email, agent.password);
  await expect(agentPage).toHaveURL('/');
  await agentPage.goto(`/inbox/all/tickets/${ticketId}`);
  const pane = agentPage.getByRole('article', { name: `Ticket #${ticketId}` });
  const clocks = pane.getByRole('group', { name: 'Service-level clocks' });
  await expect(clocks).toContainText(/First reply · (\d+ min|1 h) left/);
  // The properties sit beside the conversation on a wide pane, in a drawer otherwise.
  const properties = pane.getByRole('button', { name: 'Properties' });
  if (await properties.isVisible()) await properties.click();
  const section = agentPage.getByRole('region', { name: 'Service level' });
  await section.getByRole('button', { name: 'Why?' }).click();
  await expect(section).toContainText(`Policy “${name}” applies`);
  await expect(section).toContainText('First reply clock started: target 1 h around the clock');

  // The queues of open work show the clock on its row, and "Breaching soon" lists it with its clock.
  await agentPage.goto('/inbox/unassigned');
  const queued = agentPage.getByRole('list', { name: 'Tickets' }).locator('li', { hasText: subject });
  await expect(queued.locator('[data-column="sla"]')).toContainText('First reply');

  await agentPage.goto('/inbox/breaching-soon');
  await expect(agentPage.getByRole('heading', { level: 1, name: 'Breaching soon' })).toBeVisible();
  const row = agentPage.getByRole('list', { name: 'Tickets' }).locator('li', { hasText: subject });
  await expect(row.locator('[data-column="sla"]')).toContainText(/First reply · (\d+ min|1 h) left/);

  await agentPage.setViewportSize(phone);
  await expectFitsWindow(agentPage, testInfo, 'phone-breaching-soon');
  await row.getByRole('link', { name: `#${ticketId} ${subject}` }).click();
  await expect(agentPage.getByRole('group', { name: 'Service-level clocks' })).toContainText('First reply');
  await expectFitsWindow(agentPage, testInfo, 'phone-ticket-clocks');
  await agentContext.close();
});
