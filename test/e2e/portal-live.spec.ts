import { expect, test } from '@playwright/test';
import { expectFitsWindow, laptop, phone } from './fit';
import { ApiSession, createUser, signIn, unique } from './helpers';

for (const [screen, viewport] of [
  ['laptop', laptop],
  ['phone', phone],
] as const) {
  test.describe(`on a ${screen}`, () => {
    test.use({ viewport });

    test('a customer sends a new request with a file, and replies and statuses arrive without a reload', async ({
      page,
    }, testInfo) => {
      const customer = await createUser('customer', 'Lena Live');
      const agent = await createUser('agent', 'Omar Live');
      await signIn(page, customer.email, customer.password);
      await expect(page).toHaveURL('/portal');
      // Signed in (the sign-in page's "who am I?" answers 401 before): from here on, no errors.
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await expect(page).toHaveTitle('Your requests');

      // A new request with a file.
      await page
        .getByRole('navigation', { name: 'Your requests' })
        .getByRole('link', { name: 'New request' })
        .click();
      const subject = `The kettle stopped working ${unique()}`;
      await page.getByLabel('Subject').fill(subject);
      await page
        .getByLabel('How can we help?')
        .fill('It switched off for good this morning. The receipt is attached.');
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach files' }).click();
      await (await chooser).setFiles({
        name: 'receipt.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 receipt'),
      });
      await expect(page.getByRole('group', { name: 'Files to send' })).toContainText('receipt.pdf');
      await expectFitsWindow(page, testInfo, `${screen}-portal-new-request-with-file`);
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page).toHaveURL(/\/portal\/requests\/\d+$/);
      const ticketId = Number(new URL(page.url()).pathname.split('/').pop());
      const conversation = page.getByRole('region', { name: 'Conversation' });
      await expect(conversation.getByRole('link', { name: 'receipt.pdf' })).toBeVisible();

      // The agent answers (and leaves a note): the reply shows here as it is sent, the note never.
      const staff = await ApiSession.signIn(agent.email, agent.password);
      const note = `Supplier fault, batch 7 ${unique()}`;
      await staff.request('POST', `/tickets/${ticketId}/messages`, { kind: 'note', body: note });
      const answer = 'We are sending you a new kettle today.';
      await staff.request('POST', `/tickets/${ticketId}/messages`, {
        kind: 'reply',
        body: answer,
        status: 'pending',
      });
      await expect(conversation.getByRole('article', { name: `Message from ${agent.name}` })).toContainText(
        answer,
      );
      await expect(page.getByText('Waiting for your reply').first()).toBeVisible();
      expect(await page.content()).not.toContain(note);
      await expectFitsWindow(page, testInfo, `${screen}-portal-live-reply`);

      // The list follows too: solved while the customer looks at it.
      await page.getByRole('link', { name: 'Your requests' }).first().click();
      const requests = page.getByRole('list', { name: 'Your requests' });
      const row = requests.getByRole('listitem').filter({ hasText: subject });
      await expect(row).toContainText('Waiting for your reply');
      await staff.request('PATCH', `/tickets/${ticketId}`, { status: 'solved' });
      await expect(row).toContainText('Solved');
      expect(consoleErrors).toEqual([]);
    });
  });
}
