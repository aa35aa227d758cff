import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { createUser, openFromMainNav, signIn, signOut, unique } from './helpers';

async function openMailAdmin(page: Page) {
  await openFromMainNav(page, 'Mail');
  await expect(page).toHaveURL('/admin/mail');
  await expect(page.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
}

test('an admin adds a mailbox and edits the acknowledgment template with a live preview', async ({
  page,
}) => {
  const address = `support.${unique()}@example.test`;
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL('/');
  await openMailAdmin(page);

  await page.getByRole('button', { name: 'New mailbox' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'New mailbox' });
  await drawer.getByRole('textbox', { name: 'Name', exact: true }).fill('Example Support');
  await drawer.getByLabel('Email address').fill(address);

  // IMAP settings show only for IMAP, and a new IMAP mailbox needs its password.
  await expect(drawer.getByLabel('IMAP server')).toHaveCount(0);
  await drawer.getByLabel('Fetched from a mailbox (IMAP)').check();
  await drawer.getByLabel('IMAP server').fill('imap.example.test');
  await drawer.getByLabel('User name').fill(address);
  await drawer.getByRole('button', { name: 'Add mailbox' }).click();
  await expect(drawer.getByText('Enter the password of this mailbox')).toBeVisible();
  await drawer.getByLabel('Forwarded to Steward').check();
  await expect(drawer.getByLabel('IMAP server')).toHaveCount(0);

  await drawer.getByRole('button', { name: 'Add mailbox' }).click();
  await expect(drawer).toBeHidden();
  const mailboxes = page.getByRole('table', { name: 'Mailboxes' });
  await expect(mailboxes).toContainText(address);
  await expect(mailboxes.getByRole('row', { name: new RegExp(address) })).toContainText(
    'Forwarded to Steward',
  );

  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page).toHaveURL('/admin/mail/templates');
  const templates = page.getByRole('navigation', { name: 'Templates' });
  await expect(templates.getByRole('button', { name: 'Request received' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const editor = page.getByRole('region', { name: 'Edit Request received' });
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByTestId('preview-subject')).toContainText('We received your request [#1234]');

  const subject = editor.getByRole('textbox', { name: 'Subject', exact: true });
  await subject.fill('Got it: ');
  await page.getByRole('button', { name: 'Insert {{ticket.id}}' }).click();
  await expect(subject).toHaveValue('Got it: {{ticket.id}}');
  await expect(preview.getByTestId('preview-subject')).toContainText('Got it: 1234');

  const body = editor.getByRole('textbox', { name: 'Text', exact: true });
  await body.fill('Dear ');
  await page.getByRole('button', { name: 'Insert {{customer.name}}' }).click();
  await body.press('End');
  await body.pressSequentially(', we are on it.');
  await expect(body).toHaveValue('Dear {{customer.name}}, we are on it.');
  await expect(preview).toContainText('Dear Ana Ruiz, we are on it.');
  await preview.getByRole('tab', { name: 'Plain text' }).click();
  await expect(preview.getByRole('tabpanel')).toContainText('Dear Ana Ruiz, we are on it.');

  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template saved')).toBeVisible();
  await expect(templates.getByRole('button', { name: /Request received/ })).toContainText('Edited');
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Edit Request received' })
      .getByRole('textbox', { name: 'Subject', exact: true }),
  ).toHaveValue('Got it: {{ticket.id}}');

  await page.getByRole('button', { name: 'Reset to default' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset to default' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Edit Request received' })
      .getByRole('textbox', { name: 'Subject', exact: true }),
  ).toHaveValue('We received your request [#{{ticket.id}}]');
});

test('an agent cannot open the mail admin page', async ({ page }) => {
  const agent = await createUser('agent', 'Mira Mailless');
  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mail', exact: true })).toHaveCount(0);

  const mailRequests: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/api\/v1\/(mailboxes|mail-templates|mail-rules|inbound-mail|settings\/mail)/.test(path))
      mailRequests.push(path);
  });
  for (const path of ['/admin/mail', '/admin/mail/templates', '/admin/mail/received']) {
    await page.goto(path);
    await expect(
      page.getByRole('alert').filter({ hasText: "You don't have access to this page" }),
    ).toBeVisible();
    await expect(page.getByRole('tab')).toHaveCount(0);
  }
  expect(mailRequests).toEqual([]);
  await signOut(page);
});
