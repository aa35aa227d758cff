import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { signIn } from './helpers';

test('a wrong password shows an error and keeps you on the sign-in page', async ({
  page,
  allowConsoleError,
}) => {
  // The browser logs the sign-in's 401 answer, which this test asks for.
  allowConsoleError(/status of 401/);
  await signIn(page, e2eAdmin.email, 'not-the-right-password');
  const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password' });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});
