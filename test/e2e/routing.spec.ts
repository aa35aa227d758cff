import { expectFitsWindow, laptop, phone } from './fit';
import { expect, test } from './fixtures';
import { ApiSession, adminApi, createUser, openFromMainNav, signIn, unique } from './helpers';

test.setTimeout(180_000);

// A page opened by address loads the whole app first: on a busy machine that takes a while.
const loaded = expect.configure({ timeout: 30_000 });

test('a manager sets a team to round robin and sees a new ticket assigned, with the reason', async ({
  page,
}, testInfo) => {
  const suffix = unique();
  const api = await adminApi();
  const manager = await createUser('manager', 'Rhea Router');
  const amara = await createUser('agent', `Amara ${suffix}`);
  const bo = await createUser('agent', `Bo ${suffix}`);
  const teamName = `Billing ${suffix}`;
  const team = await api.request<{ id: number }>('POST', '/teams', {
    name: teamName,
    memberIds: [amara.id, bo.id],
  });
  // Amara takes English tickets; Bo takes any language. The ticket's language is read because
  // someone lists theirs.
  await api.request('PUT', `/routing/agents/${amara.id}`, { languages: ['en'] });
  // Both agents are at work: each sets themselves online.
  for (const agent of [amara, bo]) {
    const session = await ApiSession.signIn(agent.email, agent.password);
    await session.request('PUT', '/presence', { status: 'online' });
  }

  await page.setViewportSize(laptop);
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Routing');
  await expect(page).toHaveURL('/admin/routing');
  const card = page.getByRole('region', { name: teamName });
  await loaded(card).toBeVisible();
  await expect(card.getByRole('row').filter({ hasText: amara.name })).toContainText('Online');
  await card.getByText('Round robin', { exact: true }).click();
  await expect(card.getByRole('radio', { name: 'Round robin' })).toBeChecked();
  await expect(page.getByText(`${teamName} now assigns round robin`)).toBeVisible();

  // A new ticket for the team is assigned at once, and the log says why.
  const ticket = await api.request<{ id: number; assignee: { name: string } | null }>('POST', '/tickets', {
    subject: `Charged twice ${suffix}`,
    requester: { email: `payer.${suffix}@example.test`, name: 'Pat Payer' },
    message: {
      body: 'Hello, my card was charged twice this month for the same order. Please refund one payment.',
    },
    channel: 'email',
    teamId: team.id,
  });
  expect(ticket.assignee?.name).toBe(amara.name);
  await page.reload();
  const log = page.getByRole('region', { name: 'Routing log' });
  const entry = log.getByRole('row').filter({ hasText: `#${ticket.id}` });
  await loaded(entry).toContainText(
    `Assigned to ${amara.name}: next in turn among 2 online agents who speak English`,
  );
  await expectFitsWindow(page, testInfo, 'laptop-routing');

  // The ticket's history carries the same explanation.
  await entry.getByRole('link', { name: `#${ticket.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}`));
  await loaded(page.getByText('History', { exact: true })).toBeVisible();
  await page.getByText('History', { exact: true }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText(
    `Routing: Assigned to ${amara.name}: next in turn`,
  );

  // On a phone the page still fits, one agent per card.
  await page.setViewportSize(phone);
  await page.goto('/admin/routing');
  await loaded(page.getByRole('heading', { level: 1, name: 'Routing' })).toBeVisible();
  await expect(page.getByRole('region', { name: teamName })).toBeVisible();
  await expectFitsWindow(page, testInfo, 'phone-routing');
});
