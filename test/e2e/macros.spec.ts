import { describeFindings, seriousViolations } from './axe';
import { expectFitsWindow, laptop, phone } from './fit';
import { expect, test } from './fixtures';
import { adminApi, createTicket, createUser, openFromMainNav, signIn, unique } from './helpers';

test.setTimeout(180_000);

// A page opened by address loads the whole app first: on a busy machine that takes a while.
const loaded = expect.configure({ timeout: 30_000 });

test('an agent applies a macro from the composer', async ({ page }, testInfo) => {
  const suffix = unique();
  const api = await adminApi();
  const name = `Refund on its way ${suffix}`;
  await api.request('POST', '/macros', {
    name,
    description: 'The money went back today',
    visibility: 'shared',
    body: 'Hello {{requester.first_name}},\n\nthe refund for #{{ticket.id}} is on its way.',
    actions: { priority: 'high', addTags: ['refund'] },
  });
  await api.request('POST', '/macros', {
    name: `Descaling steps ${suffix}`,
    visibility: 'shared',
    body: 'Boil vinegar.',
  });
  const agent = await createUser('agent', 'Amara Okafor');
  const ticket = await createTicket({
    subject: `Kettle returned, no refund yet ${suffix}`,
    message: 'I sent the kettle back two weeks ago.',
    requester: { email: `pat.${suffix}@customer.test`, name: 'Pat <b>Customer</b>' },
  });

  await page.setViewportSize(laptop);
  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/all/tickets/${ticket.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await loaded(pane.getByText('I sent the kettle back two weeks ago.')).toBeVisible();
  await expect(pane.getByRole('combobox', { name: 'Priority' })).toHaveValue('Normal');

  // M opens the picker; typing narrows it, the arrows and Enter choose.
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'Apply a macro' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type(suffix);
  await expect(dialog.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(
    dialog.getByRole('option', { name: new RegExp(`^Refund on its way ${suffix}`) }),
  ).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // The preview: the changes in words and the text with the ticket's values, nothing changed yet.
  const changes = dialog.getByRole('list', { name: 'Changes to the ticket' });
  await expect(changes).toContainText('Priority');
  await expect(changes).toContainText('High');
  await expect(changes).toContainText('refund');
  await expect(dialog.getByRole('region', { name: 'Text of the macro' })).toContainText(
    `Hello Pat, the refund for #${ticket.id} is on its way.`,
  );
  await expect(pane.getByRole('combobox', { name: 'Priority' })).toHaveValue('Normal');
  await expectFitsWindow(page, testInfo, 'laptop-macro-preview');
  const previewFindings = await seriousViolations(page, 'macro preview');
  expect(previewFindings, describeFindings(previewFindings)).toEqual([]);
  await expect(dialog.getByRole('button', { name: 'Apply macro' })).toBeFocused();
  await page.keyboard.press('Enter');
  await loaded(dialog).toBeHidden();

  // The text is in the composer, ready to edit; the field changed.
  const editor = pane.getByRole('textbox', { name: 'Reply' });
  await expect(editor).toContainText('Hello Pat,');
  await expect(editor).toContainText(`the refund for #${ticket.id} is on its way.`);
  await expect(pane.getByRole('combobox', { name: 'Priority' })).toHaveValue('High');
  await pane.getByText('History', { exact: true }).click();
  await expect(pane.getByText(`Amara Okafor applied the macro ${name}`)).toBeVisible();
});

test('the macros page lists, searches and creates macros with a live preview, on a laptop and a phone', async ({
  page,
}, testInfo) => {
  const suffix = unique();
  const manager = await createUser('manager', 'Mara Manager');
  await page.setViewportSize(laptop);
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL('/');
  await openFromMainNav(page, 'Macros');
  await expect(page).toHaveURL('/admin/macros');
  await loaded(page.getByRole('heading', { level: 1, name: 'Macros' })).toBeVisible();

  await page.getByRole('button', { name: 'New macro' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New macro' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(`Warranty replacement ${suffix}`);
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Two years of cover');
  await dialog.getByText('Everyone', { exact: true }).click();
  const text = dialog.getByRole('textbox', { name: 'Text' });
  await text.fill('Hello ');
  await dialog.getByRole('button', { name: /^Insert \{\{requester\.first_name\}\}/ }).click();
  await text.press('End');
  await text.pressSequentially(', a new kettle is on its way.');
  await expect(dialog.getByRole('region', { name: 'Preview of the text' })).toContainText(
    'Hello Petra, a new kettle is on its way.',
  );
  await dialog.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Pending' }).click();
  await expectFitsWindow(page, testInfo, 'laptop-macro-form');
  const formFindings = await seriousViolations(page, 'macro form');
  expect(formFindings, describeFindings(formFindings)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add macro' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Macros: all' });
  const row = table.getByRole('row').filter({ hasText: `Warranty replacement ${suffix}` });
  await expect(row).toContainText('Everyone');
  await expect(row).toContainText('Status Pending');
  await expect(row).toContainText('Never');
  await page.getByRole('textbox', { name: 'Search macros' }).fill('two years of cover');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectFitsWindow(page, testInfo, 'laptop-macros');

  await page.getByRole('tab', { name: 'Unused 90 days' }).click();
  await expect(page.getByRole('table', { name: 'Macros: unused 90 days' })).toContainText(
    `Warranty replacement ${suffix}`,
  );

  await page.setViewportSize(phone);
  await expectFitsWindow(page, testInfo, 'phone-macros');
});
