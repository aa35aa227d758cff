import type { Page } from '@playwright/test';
import { phone } from './fit';
import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { createTicket, signIn, unique } from './helpers';

/** Whether the focused element is inside the element with `id`. */
function focusIsIn(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const container = document.getElementById(target);
    return (
      container !== null && container !== document.activeElement && container.contains(document.activeElement)
    );
  }, id);
}

/** The focused element's box, or null when the focus is on the page itself. */
function focusedBox(
  page: Page,
): Promise<{ name: string; left: number; right: number; top: number; bottom: number } | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const rect = active.getBoundingClientRect();
    const name =
      active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40) ?? active.tagName;
    return { name, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
  });
}

test('a keyboard alone skips to the content, answers a ticket, changes it and leaves it', async ({
  page,
}) => {
  const ticket = await createTicket({
    subject: `Keyboard only ${unique()}`,
    message: 'The parcel arrived damaged.',
    requester: { email: `keys.${unique()}@example.test`, name: 'Kai Keys' },
  });
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  await expect(page).toHaveTitle('Home · Steward');

  // The bell's popup takes the focus, and Escape hands it back.
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await bell.focus();
  await page.keyboard.press('Enter');
  const mentions = page.getByRole('dialog', { name: /^Notifications/ });
  await expect(mentions).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(mentions).toHaveCount(0);
  await expect(bell).toBeFocused();

  // The first Tab stop skips the header and the navigation.
  await page.goto('/inbox/all');
  await expect(page).toHaveTitle(/· Inbox · Steward$/);
  const list = page.getByRole('region', { name: 'Ticket list' });
  await expect(list.getByRole('link', { name: `#${ticket.id} ${ticket.subject}` })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusIsIn(page, 'main-content')).toBe(true);

  await list.getByRole('link', { name: `#${ticket.id} ${ticket.subject}` }).click();
  await expect(page).toHaveTitle(`Ticket #${ticket.id} · Steward`);
  const pane = page.getByRole('article', { name: `Ticket #${ticket.id}` });
  await expect(pane.getByText('The parcel arrived damaged.')).toBeVisible();

  // Sent: the focus goes back to Reply, not to the page.
  await page.keyboard.press('r');
  const reply = pane.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toBeFocused();
  await reply.fill('We are sending a new one today.');
  await page.keyboard.press('Control+Enter');
  await expect(pane.getByRole('article', { name: `Reply from ${e2eAdmin.name}` })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Reply', exact: true })).toBeFocused();

  // Closed with Escape: the focus goes back to "Add note".
  await page.keyboard.press('n');
  await expect(pane.getByRole('textbox', { name: 'Internal note' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pane.getByRole('button', { name: 'Add note' })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));

  // A new status keeps the focus on the field.
  const status = pane.getByRole('combobox', { name: 'Status' });
  await status.click();
  await page.getByRole('option', { name: 'On hold' }).click();
  await expect(pane.getByText('On hold').first()).toBeVisible();
  await expect(status).toHaveValue('On hold');
  await expect(status).toBeFocused();

  // A dialog opened from the actions menu hands the focus back to that menu's button.
  const actions = pane.getByRole('button', { name: 'More ticket actions' });
  await actions.click();
  await page.getByRole('menuitem', { name: 'Log a phone call…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(actions).toBeFocused();

  // Escape leaves the ticket for the list, with the focus on the ticket's row.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('/inbox/all');
  await expect(pane).toHaveCount(0);
  await expect(page.locator(`#ticket-row-${ticket.id} a`)).toBeFocused();
});

test('every page says what it is in its title', async ({ page, browser }) => {
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  const titles: [string, string][] = [
    ['/customers', 'Customers · Steward'],
    ['/admin/users', 'Users · Steward'],
    ['/admin/audit', 'Audit log · Steward'],
    ['/admin/business-hours', 'Business hours · Steward'],
    ['/profile', 'My profile · Steward'],
    ['/no-such-page', 'Page not found · Steward'],
  ];
  for (const [path, title] of titles) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
  }
  const signedOut = await browser.newPage();
  await signedOut.goto('/login');
  await expect(signedOut).toHaveTitle('Sign in · Steward');
  await signedOut.goto('/portal/login');
  await expect(signedOut).toHaveTitle('Sign in · Your requests');
  await signedOut.context().close();
});

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the closed navigation is out of the Tab order, and every Tab stop is on screen', async ({ page }) => {
    await signIn(page, e2eAdmin.email, e2eAdmin.password);
    await expect(page).toHaveURL('/');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(navigation).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(navigation).toHaveCount(0);

    await page.locator('body').focus();
    for (let stop = 0; stop < 12; stop++) {
      await page.keyboard.press('Tab');
      const box = await focusedBox(page);
      if (!box) continue;
      expect(box.right, `Tab stop ${stop + 1} (${box.name}) is off the screen`).toBeGreaterThan(0);
      expect(box.left, `Tab stop ${stop + 1} (${box.name}) is off the screen`).toBeLessThan(phone.width);
      expect(await navigation.count(), `Tab stop ${stop + 1} is in the closed navigation`).toBe(0);
    }
  });
});

test('the API documentation loads within the content security policy', async ({ page }) => {
  await page.goto('/api/docs');
  // The document describes every route: on a busy machine the viewer takes a while to draw it.
  await expect(page.getByRole('heading', { name: /Steward API/ })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
});
