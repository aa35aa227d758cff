import { expect, test } from './fixtures';
import { adminApi, createTicket, createUser, signIn, unique } from './helpers';

interface TicketState {
  priority: string;
  status: string;
  assignee: { id: number; name: string } | null;
}

async function ticketState(id: number): Promise<TicketState> {
  return (await adminApi()).request<TicketState>('GET', `/tickets/${id}`);
}

test('an agent ticks two tickets and changes their priority and status at once', async ({ page }) => {
  const agent = await createUser('agent', 'Bea Bulk');
  const requester = { email: `otto.${unique()}@customer.test`, name: 'Otto Orders' };
  const first = await createTicket({
    subject: `Order 1001 missing a cable ${unique()}`,
    message: 'The HDMI cable was not in the box.',
    requester,
    assigneeId: agent.id,
  });
  const second = await createTicket({
    subject: `Order 1002 arrived late ${unique()}`,
    message: 'The parcel came a week after the promised date.',
    requester,
    assigneeId: agent.id,
  });
  const untouched = await createTicket({
    subject: `Order 1003 wrong colour ${unique()}`,
    message: 'I ordered blue and got green.',
    requester,
    assigneeId: agent.id,
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto('/inbox/my-open');
  const list = page.getByRole('list', { name: 'Tickets' });
  const rowOf = (subject: string) => list.getByRole('listitem').filter({ hasText: subject });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  const bar = page.getByRole('group', { name: 'Bulk actions' });
  await expect(bar).toBeHidden();
  await list.getByRole('checkbox', { name: `Select ticket #${first.id}` }).check();
  await list.getByRole('checkbox', { name: `Select ticket #${second.id}` }).check();
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('status')).toHaveText('2 tickets selected');
  await expect(page.getByRole('checkbox', { name: '2 selected' })).toBeVisible();

  // Escape closes an open menu and keeps the selection; with no menu open it clears it.
  await bar.getByRole('button', { name: 'Priority' }).click();
  await expect(page.getByRole('menuitem', { name: 'Urgent', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: 'Urgent', exact: true })).toBeHidden();
  await expect(bar.getByRole('status')).toHaveText('2 tickets selected');

  await bar.getByRole('button', { name: 'Priority' }).click();
  await page.getByRole('menuitem', { name: 'Urgent', exact: true }).click();
  await expect(page.getByText('2 tickets: priority urgent.')).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(list.getByRole('checkbox', { name: `Select ticket #${first.id}` })).not.toBeChecked();
  await expect(rowOf(first.subject).getByText('Urgent', { exact: true })).toBeVisible();
  await expect(rowOf(second.subject).getByText('Urgent', { exact: true })).toBeVisible();
  await expect(rowOf(untouched.subject).getByText('Normal', { exact: true })).toBeVisible();
  await expect(rowOf(untouched.subject).getByText('Urgent', { exact: true })).toHaveCount(0);

  await list.getByRole('checkbox', { name: `Select ticket #${first.id}` }).check();
  await expect(bar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();

  // A second change on the same two: they wait on the customer now, and stay in the queue.
  await list.getByRole('checkbox', { name: `Select ticket #${first.id}` }).check();
  await list.getByRole('checkbox', { name: `Select ticket #${second.id}` }).check();
  await bar.getByRole('button', { name: 'Status' }).click();
  await page.getByRole('menuitem', { name: 'Pending', exact: true }).click();
  await expect(page.getByText('2 tickets: now pending.')).toBeVisible();
  await expect(rowOf(first.subject).getByText('Pending', { exact: true })).toBeVisible();
  await expect(rowOf(second.subject).getByText('Pending', { exact: true })).toBeVisible();
  await expect(rowOf(untouched.subject).getByText('Pending', { exact: true })).toHaveCount(0);

  expect(await ticketState(first.id)).toMatchObject({ priority: 'urgent', status: 'pending' });
  expect(await ticketState(second.id)).toMatchObject({ priority: 'urgent', status: 'pending' });
  expect(await ticketState(untouched.id)).toMatchObject({ priority: 'normal' });
});

test('an agent logs a phone call on a ticket and finds it in the conversation and the history', async ({
  page,
}) => {
  const agent = await createUser('agent', 'Cleo Caller');
  const ticket = await createTicket({
    subject: `Cannot reset my password ${unique()}`,
    message: 'The reset link in the email has already expired.',
    requester: { email: `hugo.${unique()}@customer.test`, name: 'Hugo Phone' },
    assigneeId: agent.id,
  });
  const summary = `Walked Hugo through the reset on the phone ${unique()}`;

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/my-open/tickets/${ticket.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(pane.getByText('The reset link in the email has already expired.')).toBeVisible();
  await expect(pane.getByText('Conversation (1)')).toBeVisible();

  await pane.getByRole('button', { name: 'More ticket actions' }).click();
  await page.getByRole('menuitem', { name: 'Log a phone call…' }).click();
  const dialog = page.getByRole('dialog', { name: `Log a call or visit on #${ticket.id}` });
  await expect(dialog.getByRole('radio', { name: 'Phone call' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Summary' }).fill(summary);
  await dialog.getByRole('textbox', { name: 'Minutes' }).fill('12');
  await dialog.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Follow-up needed' }).click();
  await dialog.getByRole('button', { name: 'Log it' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`It is in the conversation of #${ticket.id}.`)).toBeVisible();

  const call = pane.getByRole('article', {
    name: `Phone call · 12 min · Follow-up needed from ${agent.name}`,
  });
  await expect(call).toContainText(summary);
  await expect(pane.getByText('Conversation (2)')).toBeVisible();

  await pane.getByText('History', { exact: true }).click();
  await expect(pane.getByText(`${agent.name} logged a phone call`)).toBeVisible();
});

test('an agent lists the shortcuts, moves through tickets with j and k, and takes one with a', async ({
  page,
}) => {
  const agent = await createUser('agent', 'Kai Keys');
  const colleague = await createUser('agent', 'Lou Colleague');
  const word = `kbd${unique()}`;
  const requester = { email: `mara.${unique()}@customer.test`, name: 'Mara Keys' };
  const older = await createTicket({
    subject: `Invoice copy needed ${word}`,
    message: 'Please send me a copy of the May invoice.',
    requester,
    assigneeId: colleague.id,
  });
  const newer = await createTicket({
    subject: `Delivery address change ${word}`,
    message: 'Please ship to my office instead.',
    requester,
    assigneeId: colleague.id,
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/all?q=${word}`);
  const list = page.getByRole('list', { name: 'Tickets' });
  // All tickets, most recently updated first.
  await expect(list.getByRole('link')).toHaveText([new RegExp(newer.subject), new RegExp(older.subject)]);
  await expect(page.getByText('Pick a ticket')).toBeVisible();

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const table = shortcuts.getByRole('table', { name: 'Keyboard shortcuts' });
  await expect(table.getByRole('row', { name: 'j Next ticket in the list' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'k Previous ticket in the list' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'a Assign the open ticket to me' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  // The keyboard cursor is the coloured bar at the start of a row; Enter opens that row.
  const rowOf = (subject: string) => list.getByRole('listitem').filter({ hasText: subject });
  const cursorOn = async (subject: string, other: string) => {
    await expect(rowOf(subject)).toHaveCSS('box-shadow', /inset/);
    await expect(rowOf(other)).toHaveCSS('box-shadow', 'none');
  };
  const openTicket = (id: number) => page.getByRole('article', { name: `Ticket #${id}` });
  await page.keyboard.press('j');
  await cursorOn(newer.subject, older.subject);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/inbox/all/tickets/${newer.id}?q=${word}`);
  await expect(openTicket(newer.id).getByText('Please ship to my office instead.')).toBeVisible();

  await page.keyboard.press('j');
  await cursorOn(older.subject, newer.subject);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/inbox/all/tickets/${older.id}?q=${word}`);
  await expect(openTicket(older.id).getByText('Please send me a copy of the May invoice.')).toBeVisible();

  await page.keyboard.press('k');
  await cursorOn(newer.subject, older.subject);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/inbox/all/tickets/${newer.id}?q=${word}`);
  const pane = openTicket(newer.id);
  await expect(pane.getByText('Please ship to my office instead.')).toBeVisible();

  // The open ticket belongs to a colleague until the agent presses a.
  await expect(pane.getByRole('combobox', { name: 'Assignee' })).toHaveValue(colleague.name);
  await expect(pane.getByRole('button', { name: 'Assign to me' }).first()).toBeVisible();
  await page.keyboard.press('a');
  await expect(pane.getByRole('combobox', { name: 'Assignee' })).toHaveValue(agent.name);
  await expect(pane.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
  expect((await ticketState(newer.id)).assignee?.id).toBe(agent.id);
  expect((await ticketState(older.id)).assignee?.id).toBe(colleague.id);
});
