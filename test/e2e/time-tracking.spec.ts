import { laptop } from './fit';
import { expect, test } from './fixtures';
import { createTicket, createUser, signIn, unique } from './helpers';

// A laptop's width: the properties sit beside the conversation.
test.use({ viewport: laptop });

test('an agent logs time on a ticket from its actions, sees it with the total, and removes it', async ({
  page,
}) => {
  const agent = await createUser('agent', 'Tomas Timer');
  const ticket = await createTicket({
    subject: `Parcel stuck at the depot ${unique()}`,
    message: 'The tracking page has said "at the depot" for a week.',
    requester: { email: `ines.${unique()}@customer.test`, name: 'Ines Waiting' },
    assigneeId: agent.id,
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/my-open/tickets/${ticket.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(pane.getByRole('region', { name: 'Ticket properties' })).toBeVisible();
  const time = pane.getByRole('region', { name: 'Time logged' });
  await expect(time.getByText(/No time logged yet/)).toBeVisible();

  const actions = pane.getByRole('button', { name: 'More ticket actions' });
  await actions.click();
  await page.getByRole('menuitem', { name: 'Log time…' }).click();
  const dialog = page.getByRole('dialog', { name: `Log time on #${ticket.id}` });
  await dialog.getByRole('textbox', { name: /Minutes spent/ }).fill('85');
  await expect(dialog.getByText('That is 1 h 25 min')).toBeVisible();
  await dialog.getByRole('textbox', { name: /Note/ }).fill('Called the depot and the courier');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();

  await expect(time.getByText('Total 1 h 25 min')).toBeVisible();
  const entry = time.getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`1 h 25 min by ${agent.name}`);
  await expect(entry).toContainText('Called the depot and the courier');

  await entry.getByRole('button', { name: `Remove 1 h 25 min by ${agent.name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove logged time?' });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(time.getByText(/No time logged yet/)).toBeVisible();
  await expect(time.getByText(/^Total /)).toHaveCount(0);

  await pane.getByText('History', { exact: true }).click();
  await expect(pane.getByText(`${agent.name} logged 1 h 25 min`)).toBeVisible();
  await expect(pane.getByText(`${agent.name} removed 1 h 25 min they logged`)).toBeVisible();
});
