import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { signIn, unique } from './helpers';

test.setTimeout(120_000);

test('a manager sets the desk’s opening hours and holidays and sees the week ahead', async ({ page }) => {
  const name = `Head office ${unique()}`;
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await page.goto('/admin/business-hours');
  await expect(page.getByRole('heading', { level: 1, name: 'Business hours' })).toBeVisible();

  await page.getByRole('button', { name: 'New calendar' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New business-hours calendar' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
  await page.getByRole('option', { name: 'Europe/London', exact: true }).click();
  // Saturday mornings too.
  await dialog.getByRole('button', { name: 'Open' }).first().click();
  await dialog.getByLabel('Saturday opens at').fill('10:00');
  await dialog.getByLabel('Saturday closes at').fill('14:00');
  await dialog.getByRole('button', { name: 'Add a holiday' }).click();
  await dialog.getByLabel('Holiday date').fill('2030-12-25');
  await dialog.getByLabel('Holiday name').fill('Christmas Day');
  await dialog.getByText('Every year').click();
  await expect(dialog.getByRole('checkbox', { name: 'Every year' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create calendar' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('region', { name });
  await expect(card).toContainText('Europe/London · open 44 h a week');
  await expect(card).toContainText('Sat 10:00–14:00');
  await expect(card).toContainText('Christmas Day (every 12-25)');
  const week = card.getByLabel('Week preview');
  await expect(week.getByRole('img', { name: /^\d{4}-\d{2}-\d{2}: / })).toHaveCount(7);
  await expect(week).toContainText(/Open \d+ h/);
});
