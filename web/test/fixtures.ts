// Objects shaped as the API answers them (the contracts' types), for web component tests.
import type { Me } from '../../contracts/auth';
import type { Goal } from '../../contracts/goals';
import type { Contract } from '../../contracts/service-contracts';
import type { Category, CustomField, Ticket } from '../../contracts/tickets';
import type { User } from '../../contracts/users';

const AT = '2026-11-20T09:00:00.000Z';

export const me: Me = {
  id: 1,
  email: 'ada.lovelace@example.test',
  name: 'Ada Lovelace',
  role: 'agent',
  timezone: 'UTC',
  skills: [],
  languages: ['en'],
  initials: 'AL',
  twoFactorEnabled: false,
  teams: [{ id: 1, name: 'Support' }],
  lastLoginAt: AT,
};

export function makeUser(id: number, name: string, email: string, overrides: Partial<User> = {}): User {
  return {
    id,
    email,
    name,
    role: 'agent',
    initials: name
      .split(' ')
      .map((part) => part[0] ?? '')
      .join('')
      .slice(0, 2),
    timezone: 'UTC',
    skills: [],
    languages: ['en'],
    teams: [],
    status: 'active',
    twoFactorEnabled: false,
    lastLoginAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeTicket(id: number, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id,
    subject: `Ticket number ${id}`,
    requester: { id: 100 + id, name: 'Grace Hopper', email: 'grace@example.test' },
    organization: null,
    channel: 'email',
    type: 'question',
    priority: 'normal',
    status: 'open',
    category: null,
    tags: [],
    assignee: null,
    team: null,
    dueAt: null,
    escalation: null,
    customFields: {},
    version: 1,
    firstReplyAt: null,
    solvedAt: null,
    closedAt: null,
    lastMessageAt: AT,
    lastCustomerMessageAt: AT,
    waitingSince: AT,
    mergedIntoId: null,
    followUpOfId: null,
    messageCount: 1,
    sla: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeCustomField(id: number, overrides: Partial<CustomField> = {}): CustomField {
  return {
    id,
    key: `field_${id}`,
    label: `Field ${id}`,
    type: 'text',
    options: [],
    ticketTypes: [],
    required: false,
    position: id,
    archived: false,
    ...overrides,
  };
}

export function makeCategory(id: number, path: string, overrides: Partial<Category> = {}): Category {
  return {
    id,
    name: path.split(' › ').at(-1) ?? path,
    parentId: null,
    path,
    position: 0,
    archived: false,
    ...overrides,
  };
}

export function makeContract(id: number, overrides: Partial<Contract> = {}): Contract {
  return {
    id,
    organization: { id: 7, name: 'Northwind Logistics' },
    plan: 'Premium',
    slaPolicy: { id: 3, name: 'Premium support' },
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    entitlement: { kind: 'tickets', perMonth: 10 },
    owner: { id: 1, name: 'Ada Lovelace' },
    reviewDaysBefore: 30,
    notes: '',
    status: 'active',
    reviewDue: false,
    reviewOn: '2026-12-01',
    usage: { month: '2026-11', used: 4, included: 10, over: false },
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** A cursor page, as every list route answers. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** A team's CSAT goal for November 2026, at risk at 80 % against 90 %. */
export function makeGoal(id: number, overrides: Partial<Goal> = {}): Goal {
  return {
    id,
    name: 'Billing CSAT',
    description: '',
    kpi: 'csat',
    kpiLabel: 'CSAT',
    unit: 'percent',
    direction: 'higher',
    target: 90,
    period: { kind: 'month', from: '2026-11-01', to: '2026-11-30', label: 'November 2026' },
    owner: { kind: 'team', team: { id: 3, name: 'Billing' }, agent: null },
    progress: { value: 80, through: '2026-11-18', elapsed: 0.6, forecast: 80 },
    trajectory: 'at_risk',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function page<T>(data: T[], nextCursor: string | null = null): Page<T> {
  return { data, nextCursor };
}
