import { check } from 'recheck';
import type { Action, Conditions } from '../../../contracts/automation';
import type { DbOrTrx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { teamExists } from '../teams';
import { findUserRow } from '../users';

// What a rule must pass before it is saved: patterns that match in linear time, and teams and
// people that exist.

const MAX_PATTERN = 200;

const invalid = (path: (string | number)[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * Refuses a pattern that could backtrack on hostile text: customer text reaches every trigger,
 * so each pattern must be one recheck proves linear (as the source's own patterns are, see
 * test/security/linear-regex.test.ts). Undecided counts as unsafe.
 */
async function assertLinear(pattern: string, path: (string | number)[]) {
  if (pattern.length > MAX_PATTERN) throw invalid(path, `A pattern is at most ${MAX_PATTERN} characters`);
  try {
    new RegExp(pattern, 'i');
  } catch {
    throw invalid(path, 'Not a valid regular expression');
  }
  const result = await check(pattern, 'i', { timeout: 3_000 });
  if (result.status !== 'safe')
    throw invalid(
      path,
      result.status === 'vulnerable'
        ? 'This pattern can take exponential or polynomial time on some texts; simplify it (no nested or overlapping repeats)'
        : 'This pattern could not be proven to run in linear time; simplify it',
    );
}

/** Checks a rule's patterns, teams and people. */
export async function checkRule(db: DbOrTrx, conditions: Conditions, actions: readonly Action[]) {
  for (const group of ['all', 'any'] as const)
    for (const [i, c] of conditions[group].entries())
      if (c.operator === 'matches') await assertLinear(String(c.value), ['conditions', group, i, 'value']);
  for (const [i, a] of actions.entries()) {
    const teamId =
      a.type === 'route'
        ? a.teamId
        : a.type === 'notify'
          ? a.teamId
          : a.type === 'set' && a.field === 'team'
            ? a.value
            : null;
    if (typeof teamId === 'number' && !(await teamExists(db, teamId)))
      throw invalid(['actions', i], `No team with id ${teamId}`);
    const userId =
      a.type === 'notify' ? a.userId : a.type === 'set' && a.field === 'assignee' ? a.value : undefined;
    if (typeof userId === 'number') {
      const user = await findUserRow(db, userId);
      if (!user || user.role === 'customer' || user.deactivated_at)
        throw invalid(['actions', i], `No active staff member with id ${userId}`);
    }
  }
}
