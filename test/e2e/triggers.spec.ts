import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { adminApi, createTicket, createUser, signIn, unique } from './helpers';

test.setTimeout(120_000);

test('a manager builds a trigger and sees its dry run', async ({ page }, testInfo) => {
  const manager = await createUser('manager', 'Mira Rules');
  const api = await adminApi();
  const requester = { email: `pat.${unique()}@customer.test`, name: 'Pat Refund' };
  const word = `refund${unique().replace(/\W/g, '').toLowerCase()}`.slice(0, 30);
  // Two new tickets: one asks for the refund, one does not.
  const asking = await createTicket({
    subject: `Please ${word} my order`,
    message: 'It broke on day one.',
    requester,
  });
  await createTicket({
    subject: `Where is my parcel ${unique()}`,
    message: 'It has been a week.',
    requester,
  });
  expect(asking.id).toBeGreaterThan(0);
  const teamName = `Refunds desk ${unique()}`;
  await api.request('POST', '/teams', { name: teamName });

  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await page.goto('/admin/triggers');
  await expect(page.getByRole('heading', { level: 1, name: 'Triggers' })).toBeVisible();
  await page.getByRole('button', { name: 'New trigger' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New trigger' });
  await dialog.getByLabel('Name').fill(`Refund requests ${unique()}`);
  // When a ticket is created and its subject contains the word: tag it and move it to the team.
  await dialog.getByRole('combobox', { name: 'Condition 1: field' }).click();
  await page.getByRole('option', { name: 'Subject', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Condition 1: value' }).fill(word);
  await dialog.getByRole('combobox', { name: 'Action 1: what' }).click();
  await page.getByRole('option', { name: 'Move to team' }).click();
  await dialog.getByRole('combobox', { name: 'Action 1: value' }).click();
  await page.getByRole('option', { name: teamName }).click();
  await dialog.getByRole('button', { name: 'Add action' }).click();
  await dialog.getByRole('combobox', { name: 'Action 2: what' }).click();
  await page.getByRole('option', { name: 'Add tags' }).click();
  await dialog.getByRole('combobox', { name: 'Action 2: tags' }).fill('refund');
  await dialog.getByRole('combobox', { name: 'Action 2: tags' }).press('Enter');
  await expect(dialog.getByTestId('rule-sentence')).toHaveText(
    `When a ticket is created and subject contains “${word}”, move it to ${teamName} and add tag refund`,
  );

  await dialog.getByRole('button', { name: 'Test on the last 100 tickets' }).click();
  const dryRun = dialog.getByRole('region', { name: 'Tried on the last 100 tickets' });
  await expect(dryRun.getByRole('status')).toContainText('1 ticket of the');
  const table = dryRun.getByRole('table', { name: 'Dry run' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(`#${asking.id} Please ${word} my order`);
  await expect(table).toContainText(`move it to ${teamName}`);
  await expect(table).toContainText('add tag refund');
  await page.setViewportSize(phone);
  await expectFitsWindow(page, testInfo, 'phone-trigger-dry-run');

  await dialog.getByRole('button', { name: 'Create trigger' }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByRole('list', { name: 'Triggers, first to last' });
  await expect(list).toContainText(`subject contains “${word}”`);

  // It now acts on a new ticket, and the ticket's history says so.
  const next = await createTicket({
    subject: `A ${word} for the second order`,
    message: 'Same again.',
    requester,
  });
  const ticket = await api.request<{ team: { name: string } | null; tags: string[] }>(
    'GET',
    `/tickets/${next.id}`,
  );
  expect(ticket.team?.name).toBe(teamName);
  expect(ticket.tags).toEqual(['refund']);
});
