import { expect, test } from './fixtures';
import { adminApi, createUser, signIn, unique } from './helpers';

async function openTicketFor(teamId: number, subject: string, extra: Record<string, unknown> = {}) {
  const api = await adminApi();
  return api.request<{ id: number; subject: string }>('POST', '/tickets', {
    subject,
    requester: { email: `home.${unique()}@example.test`, name: 'Hana Home' },
    message: { body: 'Please help.' },
    channel: 'email',
    teamId,
    ...extra,
  });
}

test('a manager’s home is the operations board, its figures open the tickets; an agent sees their own queues', async ({
  page,
  browser,
}) => {
  const suffix = unique();
  const agent = await createUser('agent', `Avery Home${suffix}`);
  const manager = await createUser('manager', `Mina Home${suffix}`);
  const api = await adminApi();
  const team = await api.request<{ id: number; name: string }>('POST', '/teams', {
    name: `Returns ${suffix}`,
    memberIds: [agent.id],
  });
  const oldest = await openTicketFor(team.id, `Oldest return ${suffix}`);
  await openTicketFor(team.id, `Newer return ${suffix}`, { status: 'open' });
  await openTicketFor(team.id, `Waiting return ${suffix}`, { assigneeId: agent.id, status: 'pending' });

  // A manager lands on the operations board: the team's backlog, each figure the tickets behind it.
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Operations board' })).toBeVisible();
  const backlog = page.getByRole('table', { name: 'Backlog by team and status' });
  const row = backlog.getByRole('row', { name: new RegExp(team.name) });
  await expect(row.getByRole('link', { name: `3 open in ${team.name}` })).toBeVisible();
  await expect(row.getByRole('link', { name: `1 with status pending in ${team.name}` })).toBeVisible();
  await row.getByRole('link', { name: `2 unassigned in ${team.name}` }).click();
  await expect(page).toHaveURL(/\/inbox\/all\?f=/);
  await expect(page.getByText(`Oldest return ${suffix}`)).toBeVisible();
  await expect(page.getByText(`Newer return ${suffix}`)).toBeVisible();
  await expect(page.getByText(`Waiting return ${suffix}`)).toHaveCount(0);

  // The agent sees their own numbers and their own team's queue, the oldest of it next to pick up.
  const context = await browser.newContext();
  const mine = await context.newPage();
  await signIn(mine, agent.email, agent.password);
  await expect(mine).toHaveURL('/');
  await expect(mine.getByRole('link', { name: 'Your open tickets: 1' })).toBeVisible();
  await expect(mine.getByRole('link', { name: 'Waiting on your customers: 1' })).toBeVisible();
  const own = mine.getByRole('table', { name: 'Your teams’ queues' });
  await expect(own.getByRole('row')).toHaveCount(2);
  await expect(own.getByRole('link', { name: `2 unassigned in ${team.name}` })).toBeVisible();
  const next = mine.getByRole('region', { name: 'Next to pick up' });
  await next.getByRole('link', { name: `#${oldest.id} ${oldest.subject}` }).click();
  await expect(mine).toHaveURL(`/inbox/unassigned/tickets/${oldest.id}`);

  // On a phone the queues read as lines of words, and nothing is wider than the screen.
  await mine.setViewportSize({ width: 390, height: 844 });
  await mine.goto('/');
  await expect(
    mine
      .getByRole('list', { name: 'Your teams’ queues' })
      .getByRole('link', { name: `1 waiting in ${team.name}` }),
  ).toBeVisible();
  expect(await mine.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await mine.screenshot({ path: test.info().outputPath('home-agent-390.png'), fullPage: true });
  await context.close();
});

test('an agent in no team with nothing assigned is told what is true', async ({ page }) => {
  const agent = await createUser('agent', `Noor Loner${unique()}`);
  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('link', { name: 'Your open tickets: 0' })).toBeVisible();
  await expect(page.getByText('You are not in a team yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Set up teams' })).toHaveCount(0);
});
