import { describeFindings, seriousViolations } from './axe';
import { expectFitsWindow, phone } from './fit';
import { expect, test } from './fixtures';
import { e2eAdmin } from './global-setup';
import { adminApi, createUser, signIn, signOut, unique } from './helpers';

test.setTimeout(120_000);

test('a manager sets a goal and reads a team’s scorecard; an agent reads their own scorecard and goals', async ({
  page,
}) => {
  const api = await adminApi();
  const agent = await createUser('agent', `Gwen Goalkeeper ${unique()}`);
  const teamName = `Goal Team ${unique()}`;
  const team = await api.request<{ id: number }>('POST', '/teams', {
    name: teamName,
    memberIds: [agent.id],
    leadId: null,
  });
  const goalName = `Happy customers ${unique()}`;

  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await page.goto('/goals');
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New goal' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New goal' });
  await dialog.getByLabel('Name').fill(goalName);
  await dialog.getByRole('textbox', { name: 'Target' }).fill('95');
  await dialog.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'A team' }).click();
  await dialog.getByRole('combobox', { name: 'Team' }).fill(teamName);
  await page.getByRole('option', { name: teamName }).click();
  await dialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('article', { name: goalName });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(/Not started|On track|At risk|Achieved|Missed/)).toBeVisible();
  await expect(card.getByRole('progressbar')).toHaveAccessibleName(/against a target of 95\.0 %/);
  // Scanned without the toast that says it was added.
  await page.reload();
  await expect(card.getByText(/Not started|On track|At risk|Achieved|Missed/)).toBeVisible({
    timeout: 30_000,
  });
  const onGoals = await seriousViolations(page, 'goals');
  expect(onGoals, describeFindings(onGoals)).toEqual([]);

  // Change the target.
  await card.getByRole('button', { name: `Edit ${goalName}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${goalName}` });
  await edit.getByRole('textbox', { name: 'Target' }).fill('90');
  await edit.getByRole('button', { name: 'Save goal' }).click();
  await expect(edit).toBeHidden();
  await expect(card.getByRole('progressbar')).toHaveAccessibleName(/against a target of 90\.0 %/);

  // The team's scorecard, from its link on the goal.
  await card.getByRole('link', { name: teamName }).click();
  await expect(page).toHaveURL(new RegExp(`/scorecards/teams/${team.id}`));
  await expect(page.getByRole('heading', { level: 1, name: `Scorecard: ${teamName}` })).toBeVisible();
  await expect(page.getByRole('article', { name: 'First-reply SLA achieved' })).toContainText('Average');
  await page.reload();
  await expect(page.getByRole('article', { name: 'First-reply SLA achieved' })).toContainText('Average');
  const onScorecard = await seriousViolations(page, 'scorecard');
  expect(onScorecard, describeFindings(onScorecard)).toEqual([]);
  await page.setViewportSize(phone);
  await expectFitsWindow(page, test.info(), 'scorecard');
  await page.goto('/goals');
  await expect(page.getByRole('article', { name: goalName })).toBeVisible({ timeout: 30_000 });
  await expectFitsWindow(page, test.info(), 'goals');
  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);

  // The agent: their team's goal on the Goals page (read only), and My scorecard.
  await signIn(page, agent.email, agent.password);
  await page.goto('/goals');
  await expect(page.getByRole('article', { name: goalName })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'New goal' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Edit ${goalName}` })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My scorecard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Scorecard: ${agent.name}` })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Solved' })).toBeVisible();
  await expect(page.getByText(`${teamName}, per agent (1)`)).toBeVisible();
});
