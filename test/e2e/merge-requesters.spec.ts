import { expect, test } from './fixtures';
import { createTicket, createUser, signIn, unique } from './helpers';

test("merging another requester's ticket warns and asks for a confirmation", async ({ page }) => {
  const agent = await createUser('agent', 'Mira Merge');
  const word = `kettle${unique()}`;
  const target = await createTicket({
    subject: `Broken ${word} lid`,
    message: 'The lid snapped off.',
    requester: { email: `rita.${unique()}@customer.test`, name: 'Rita Requester' },
    assigneeId: agent.id,
  });
  const other = await createTicket({
    subject: `Cracked ${word} base`,
    message: 'Mine cracked at the base.',
    requester: { email: `oscar.${unique()}@customer.test`, name: 'Oscar Other' },
    assigneeId: agent.id,
  });

  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL('/');
  await page.goto(`/inbox/my-open/tickets/${target.id}`);
  const pane = page.getByRole('article', { name: `Ticket #${target.id}` });
  await pane.getByRole('button', { name: 'More ticket actions' }).click();
  await page.getByRole('menuitem', { name: 'Merge tickets into this one…' }).click();
  const dialog = page.getByRole('dialog', { name: `Merge tickets into #${target.id}` });
  await dialog.getByLabel('Find tickets').fill(word);
  await dialog.getByRole('checkbox', { name: new RegExp(`#${other.id} Cracked`) }).check();

  const warning = dialog.getByRole('alert').filter({ hasText: 'Different requester' });
  await expect(warning).toContainText(`#${other.id} is from Oscar Other`);
  await expect(warning).toContainText('Internal notes and unsent files stay internal');
  const mergeButton = dialog.getByRole('button', { name: `Merge into #${target.id}` });
  await expect(mergeButton).toBeDisabled();
  await warning.getByRole('checkbox', { name: 'Merge anyway and let Rita Requester see them' }).check();
  await expect(mergeButton).toBeEnabled();
  await mergeButton.click();
  await expect(page.getByText(`One ticket was merged into #${target.id} and closed.`)).toBeVisible();
});
