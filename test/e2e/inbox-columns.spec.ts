import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { adminApi, createUser, signIn, unique } from './helpers';

/** Opens the Columns picker of a view form and picks (or unpicks) columns by name. */
async function pickColumns(page: Page, form: Locator, toggle: string[]): Promise<void> {
  await form.getByRole('combobox', { name: 'Columns' }).click();
  for (const name of toggle) {
    await page.getByRole('option', { name, exact: true }).click();
  }
  await page.keyboard.press('Escape');
}

test('an agent saves a view with chosen columns, edits it, and keeps compact rows across a reload', async ({
  page,
}) => {
  const agent = await createUser('agent', 'Cora Columns');
  const api = await adminApi();
  const team = await api.request<{ id: number; name: string }>('POST', '/teams', {
    name: `Billing desk ${unique()}`,
    memberIds: [agent.id],
  });
  const subject = `Invoice shows the wrong address ${unique()}`;
  await api.request('POST', '/tickets', {
    subject,
    requester: { email: `pia.${unique()}@customer.test`, name: 'Pia Requester' },
    message: { body: 'The invoice still has our old street on it.' },
    channel: 'email',
    priority: 'high',
    assigneeId: agent.id,
    teamId: team.id,
    tags: ['invoice', 'address'],
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto('/inbox/my-open');
  const list = page.getByRole('list', { name: 'Tickets' });
  const row = list.locator('li', { hasText: subject });

  // The built-in view shows the usual columns: the assignee, but not the team.
  await expect(row.locator('[data-column="assignee"]')).toContainText(agent.name);
  await expect(row.locator('[data-column="requester"]')).toContainText('Pia Requester');
  await expect(row.locator('[data-column="team"]')).toHaveCount(0);

  // Save a view that swaps requester, assignee and the service-level clock for team and tags.
  await page.getByRole('button', { name: 'Save as a view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as a view' });
  await dialog.getByLabel('Name').fill('Billing columns');
  await pickColumns(page, dialog, ['Requester', 'Assignee', 'Service level', 'Team', 'Tags']);
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/inbox\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Billing columns' })).toBeVisible();

  await expect(row.locator('[data-column="team"]')).toContainText(team.name);
  await expect(row.locator('[data-column="tags"]')).toContainText('invoice');
  await expect(row.locator('[data-column="tags"]')).toContainText('address');
  await expect(row.locator('[data-column="status"]')).toBeVisible();
  await expect(row.locator('[data-column="priority"]')).toContainText('High');
  await expect(row.locator('[data-column="assignee"]')).toHaveCount(0);
  await expect(row.locator('[data-column="requester"]')).toHaveCount(0);
  await expect(row).not.toContainText(agent.name);
  await expect(row).not.toContainText('Pia Requester');

  // Editing the view starts from its own columns and keeps them.
  await page.getByRole('button', { name: 'Show views' }).click();
  const views = page.getByRole('dialog', { name: 'Views' });
  await views.getByRole('button', { name: 'Options for view Billing columns' }).click();
  await page.getByRole('menuitem', { name: 'Edit view' }).click();
  const editor = page.getByRole('dialog', { name: /Edit “Billing columns”/ });
  const columns = editor.locator('.mantine-Pill-label');
  await expect(columns).toHaveText(['Number', 'Status', 'Priority', 'Updated', 'Team', 'Tags']);
  await pickColumns(page, editor, ['Due']);
  await expect(columns).toHaveText(['Number', 'Status', 'Priority', 'Updated', 'Team', 'Tags', 'Due']);
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(views).toBeHidden();
  await expect(row.locator('[data-column="team"]')).toContainText(team.name);
  await expect(row.locator('[data-column="assignee"]')).toHaveCount(0);

  // Compact rows: less room per row, and still compact after a reload.
  const density = page.getByRole('button', { name: 'Compact rows' });
  await expect(density).toHaveAttribute('aria-pressed', 'false');
  await expect(row).toHaveAttribute('data-density', 'comfortable');
  const comfortableHeight = (await row.boundingBox())?.height ?? 0;
  await density.focus();
  await page.keyboard.press('Enter');
  await expect(density).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toHaveAttribute('data-density', 'compact');
  expect((await row.boundingBox())?.height ?? 0).toBeLessThan(comfortableHeight);

  await page.reload();
  await expect(row).toHaveAttribute('data-density', 'compact');
  await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row.locator('[data-column="team"]')).toContainText(team.name);
  const stored = await page.evaluate(
    (id) => window.localStorage.getItem(`steward.inbox.density.v1.${id}`),
    agent.id,
  );
  expect(stored).toBe('compact');
});
