import { resolve } from 'node:path';
import { expectFitsWindow, laptop, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eAdmin, e2eDataDir } from './global-setup';
import { createUser, openFromMainNav, signIn } from './helpers';
import { saveSignedInState, seed, staffPages } from './staff-pages';

/** The admin's signed-in browser state, written once: each page's test starts signed in. */
const adminState = resolve(e2eDataDir, 'mobile-admin-state.json');

/** One test per staff page at this size: it fits the window, with a screenshot of it. */
function staffPagesFit(size: 'phone' | 'laptop'): void {
  test.describe('every staff page fits the screen', () => {
    test.use({ storageState: adminState });
    test.beforeAll(async ({ browser }) => {
      await saveSignedInState(browser, e2eAdmin.email, e2eAdmin.password, adminState);
    });
    for (const staffPage of staffPages) {
      test(staffPage.name, async ({ page }, testInfo) => {
        const data = await seed();
        await page.goto(staffPage.path(data));
        await staffPage.ready(page, data);
        await page.waitForLoadState('networkidle');
        await expectFitsWindow(page, testInfo, `${size}-staff-${staffPage.name}`);
      });
    }
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the signed-out pages fit the screen', async ({ page }, testInfo) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-login');
    await page.goto('/contact');
    await expect(page.getByRole('button', { name: /Send/ })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-contact');
    await page.goto('/portal/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-sign-in');
  });

  staffPagesFit('phone');

  test('every portal page fits the screen, and statuses are written out in full', async ({
    page,
  }, testInfo) => {
    const data = await seed();
    await signIn(page, data.customer.email, data.customer.password);
    await expect(page).toHaveURL('/portal');
    const requests = page.getByRole('list', { name: 'Your requests' });
    for (const status of ["We're on it", 'Waiting for your reply']) {
      const badge = requests.getByText(status, { exact: true });
      await expect(badge).toBeVisible();
      const whole = await badge.evaluate((label) => label.scrollWidth <= label.clientWidth);
      expect(whole, `"${status}" is cut short`).toBe(true);
    }
    await expectFitsWindow(page, testInfo, 'phone-portal-requests');
    await page.goto(`/portal/requests/${data.ticketId}`);
    await expect(page.getByRole('heading', { level: 1, name: data.subject })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-request');
    await page.goto('/portal/requests/new');
    await expect(page.getByLabel('Subject')).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-new-request');
    await page.goto('/portal/account');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-portal-account');
  });

  test('the navigation and the account menu open from the header', async ({ page }, testInfo) => {
    const agent = await createUser('agent', 'Paula Phone');
    await signIn(page, agent.email, agent.password);
    await expect(page).toHaveURL('/');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation).toHaveCount(0);

    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(navigation.getByRole('link', { name: 'My profile' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-navigation');
    await navigation.getByRole('link', { name: 'Customers', exact: true }).click();
    await expect(page).toHaveURL('/customers');
    await expect(navigation).toHaveCount(0);

    await page.getByRole('button', { name: `Account menu for ${agent.name}` }).click();
    await expect(page.getByRole('menuitem', { name: 'Switch to dark theme' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'phone-account-menu');
    await page.getByRole('menuitem', { name: 'My profile' }).click();
    await expect(page).toHaveURL('/profile');
  });

  test('an agent opens a ticket from the list, reads it, opens its properties and goes back', async ({
    page,
  }, testInfo) => {
    const data = await seed();
    const agent = await createUser('agent', 'Theo Phone');
    await signIn(page, agent.email, agent.password);
    await expect(page).toHaveURL('/');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await openFromMainNav(page, 'Inbox');
    await page.getByRole('button', { name: 'Show views' }).click();
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /^All tickets/ })
      .click();
    const list = page.getByRole('region', { name: 'Ticket list' });
    await list.getByRole('link', { name: `#${data.ticketId} ${data.subject}` }).click();

    // One pane: the ticket alone, its conversation on screen, its properties out of the way.
    await expect(page).toHaveURL(`/inbox/all/tickets/${data.ticketId}`);
    const ticket = page.getByRole('article', { name: `Ticket #${data.ticketId}` });
    await expect(list).toHaveCount(0);
    await expect(ticket.getByText('Our March invoice lists 19% VAT')).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Ticket properties' })).toHaveCount(0);
    await expectFitsWindow(page, testInfo, 'phone-flow-ticket');

    await ticket.getByRole('button', { name: 'Properties' }).click();
    const drawer = page.getByRole('dialog', { name: `Ticket #${data.ticketId}` });
    await expect(drawer.getByRole('region', { name: 'Ticket properties' })).toBeVisible();
    await expect(drawer.getByRole('combobox', { name: 'Priority' })).toBeInViewport();
    await expectFitsWindow(page, testInfo, 'phone-flow-properties');
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);

    await ticket.getByRole('button', { name: 'Back to the list' }).click();
    await expect(page).toHaveURL('/inbox/all');
    await expect(list.getByRole('link', { name: `#${data.ticketId} ${data.subject}` })).toBeVisible();
    await expect(ticket).toHaveCount(0);
  });
});

test.describe('on a laptop', () => {
  test.use({ viewport: laptop });

  staffPagesFit('laptop');

  test('the inbox shows the list, the ticket and its properties side by side', async ({ page }, testInfo) => {
    const data = await seed();
    await signIn(page, e2eAdmin.email, e2eAdmin.password);
    await expect(page).toHaveURL('/');
    await page.goto(`/inbox/all/tickets/${data.ticketId}`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ticket list' })).toBeVisible();
    const ticket = page.getByRole('article', { name: `Ticket #${data.ticketId}` });
    await expect(ticket.getByText('Our March invoice lists 19% VAT')).toBeVisible();
    await expect(ticket.getByRole('region', { name: 'Ticket properties' })).toBeVisible();
    await expect(ticket.getByRole('button', { name: 'Properties' })).toHaveCount(0);
    await expect(ticket.getByRole('button', { name: 'Close ticket' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Toggle navigation' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
    await expectFitsWindow(page, testInfo, 'laptop-inbox-ticket');
  });
});
