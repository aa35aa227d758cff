import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { signIn, signOut } from './helpers';

const agent = {
  name: 'Alan Agent',
  email: `alan.agent.${Date.now()}@example.test`,
  password: 'agent-password-2026',
};

test('an admin adds an agent, and the agent cannot open admin pages', async ({ page }) => {
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page).toHaveURL('/admin/users');
  await expect(page.getByRole('table', { name: 'Users' })).toContainText(e2eAdmin.email);

  await page.getByRole('button', { name: 'New user' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name').fill(agent.name);
  await dialog.getByLabel('Email').fill(agent.email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Agent', exact: true }).click();
  await dialog.getByLabel('Password', { exact: true }).fill(agent.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Users' }).getByRole('link', { name: agent.name }),
  ).toBeVisible();

  await signOut(page);

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Alan');
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  for (const name of ['Users', 'Audit log', 'API tokens']) {
    await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  }

  const userDataRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/users') || url.pathname.startsWith('/api/v1/api-tokens')) {
      userDataRequests.push(url.pathname);
    }
  });
  for (const path of ['/admin/users', '/admin/tokens']) {
    await page.goto(path);
    await expect(
      page.getByRole('alert').filter({ hasText: "You don't have access to this page" }),
    ).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByText(e2eAdmin.email)).toHaveCount(0);
    await expect(page.getByText(e2eAdmin.name)).toHaveCount(0);
  }
  expect(userDataRequests).toEqual([]);
});
