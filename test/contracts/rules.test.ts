import { describe, expect, it } from 'vitest';
import { assignableRoles, canManageAccount, roleHolds, rolePolicies } from '../../contracts/access';
import { type Role, roles } from '../../contracts/common';
import { password, passwordTooShort } from '../../contracts/passwords';
import { nextStatuses, statusTransitions } from '../../contracts/ticket-rules';
import { createViewBody, defaultTicketColumns, ticketStatuses } from '../../contracts/tickets';

describe('ticket lifecycle', () => {
  it('offers the current status first, then where it may go', () => {
    expect(nextStatuses('new')).toEqual(['new', 'open', 'pending', 'on_hold', 'solved']);
    expect(nextStatuses('solved')).toEqual(['solved', 'open', 'closed']);
    expect(nextStatuses('closed')).toEqual(['closed']);
  });

  it('never leads back to new and never repeats a status', () => {
    for (const from of ticketStatuses) {
      expect(statusTransitions[from]).not.toContain('new');
      expect(new Set(nextStatuses(from)).size).toBe(nextStatuses(from).length);
    }
  });
});

describe('role policies', () => {
  const holders = (policy: keyof typeof rolePolicies) => roles.filter((role) => roleHolds(role, policy));

  it('gives customers no staff policy', () => {
    for (const policy of Object.keys(rolePolicies) as (keyof typeof rolePolicies)[])
      expect(roleHolds('customer', policy), policy).toBe(false);
  });

  it.each([
    ['users.read', ['admin', 'manager', 'agent']],
    ['users.write', ['admin', 'manager']],
    ['users.reset-credentials', ['admin']],
    ['views.share', ['admin', 'manager']],
    ['workload.all-teams', ['admin', 'manager']],
    ['ticket-fields.manage', ['admin']],
    ['tickets.write', ['admin', 'manager', 'agent']],
  ] as const)('%s is held by %j', (policy, expected) => {
    expect(holders(policy)).toEqual(expected);
  });

  it.each([
    ['admin', ['admin', 'manager', 'agent', 'customer']],
    ['manager', ['agent', 'customer']],
    ['agent', []],
    ['customer', []],
  ] as [Role, Role[]][])('%s may give the roles %j', (actor, expected) => {
    expect(assignableRoles(actor)).toEqual(expected);
    for (const target of roles) expect(canManageAccount(actor, target)).toBe(expected.includes(target));
  });
});

describe('passwords', () => {
  it('asks forms for the same minimum the server enforces', () => {
    for (const value of ['', 'a'.repeat(9), 'a'.repeat(10), 'a'.repeat(200)]) {
      expect(passwordTooShort(value) === null, value).toBe(password.safeParse(value).success);
    }
    expect(passwordTooShort('short')).toBe('A password needs at least 10 characters');
    expect(password.safeParse('a'.repeat(201)).success).toBe(false);
  });
});

describe('default columns', () => {
  it('are what a view created without columns gets', () => {
    const view = createViewBody.parse({ name: 'Mine', filters: {} });
    expect(view.columns).toEqual(defaultTicketColumns);
    expect(defaultTicketColumns).toEqual([
      'id',
      'subject',
      'requester',
      'status',
      'priority',
      'assignee',
      'updated_at',
    ]);
  });
});
