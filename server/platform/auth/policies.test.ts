import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/common';
import type { Actor } from './actor';
import { can } from './policies';

const person = (role: Role): Actor => ({
  type: 'user',
  id: 1,
  name: role,
  email: `${role}@x`,
  role,
  sessionId: 's',
});

describe('users.manage-account', () => {
  const table: [Role, Role, boolean][] = [
    ['admin', 'admin', true],
    ['admin', 'manager', true],
    ['admin', 'agent', true],
    ['manager', 'admin', false],
    ['manager', 'manager', false],
    ['manager', 'agent', true],
    ['manager', 'customer', true],
    ['agent', 'agent', false],
    ['customer', 'customer', false],
  ];
  it.each(table)('%s managing a %s: %s', (actor, target, allowed) => {
    expect(can(person(actor), 'users.manage-account', { role: target })).toBe(allowed);
  });
});

describe('profile.manage', () => {
  it('is for people, not API tokens', () => {
    expect(can(person('customer'), 'profile.manage')).toBe(true);
    expect(can({ type: 'token', id: 1, name: 't', role: 'admin' }, 'profile.manage')).toBe(false);
  });
});
