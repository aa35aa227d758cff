import { expect, test } from '@playwright/test';
import { e2eAdmin } from './global-setup';
import { signIn } from './helpers';

test('a wrong password shows an error and keeps you on the sign-in page', async ({ page }) => {
  await signIn(page, e2eAdmin.email, 'not-the-right-password');
  const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password' });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});
