import {
  type AutomationDraftInput,
  automationDraft,
  type TriggerDraftInput,
  triggerDraft,
} from '../../contracts/automation';
import type { DbOrTrx } from '../db/database';
import { insertAutomationRow, insertTriggerRow, recordPastFirings } from '../modules/automation';

// The demo department's triggers and automations, and a few past firings in its tickets' history.

export interface AutomationCast {
  frontlineId: number;
  technicalId: number;
  /** Key Accounts: contract customers and complaints. */
  keyAccountsId: number;
  /** Who hears of urgent tickets outside business hours. */
  onCallLeadId: number;
}

export function demoTriggers(cast: AutomationCast): TriggerDraftInput[] {
  return [
    {
      name: 'Complaints go to Key Accounts with high priority',
      when: 'create',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'complaint' }], any: [] },
      actions: [
        { type: 'set', field: 'priority', value: 'high' },
        { type: 'set', field: 'team', value: cast.keyAccountsId },
      ],
    },
    {
      name: 'Premium contract customers go to the premium queue',
      when: 'create',
      conditions: { all: [{ field: 'contract_plan', operator: 'is', value: 'Premium' }], any: [] },
      actions: [
        { type: 'set', field: 'team', value: cast.keyAccountsId },
        { type: 'add_tags', tags: ['premium'] },
      ],
    },
    {
      name: 'Refund requests are tagged',
      when: 'both',
      conditions: {
        all: [],
        any: [
          { field: 'text', operator: 'contains', value: 'refund' },
          { field: 'text', operator: 'matches', value: 'money back|charge ?back' },
        ],
      },
      actions: [{ type: 'add_tags', tags: ['refund'] }],
    },
    {
      name: 'Urgent outside business hours: tell the on-call lead',
      when: 'both',
      conditions: {
        all: [
          { field: 'priority', operator: 'is', value: 'urgent' },
          { field: 'business_hours', operator: 'outside' },
        ],
        any: [],
      },
      actions: [
        {
          type: 'notify',
          target: 'user',
          userId: cast.onCallLeadId,
          message: 'Urgent ticket outside business hours',
        },
      ],
    },
    {
      name: 'Incidents go to Technical',
      when: 'create',
      conditions: { all: [{ field: 'type', operator: 'is', value: 'incident' }], any: [] },
      actions: [{ type: 'set', field: 'team', value: cast.technicalId }],
    },
    {
      name: 'Raised to urgent: escalate',
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'urgent' }], any: [] },
      actions: [{ type: 'escalate', reason: 'Raised to urgent' }],
    },
    {
      name: 'Missed target: tell the team lead',
      when: 'update',
      conditions: { all: [{ field: 'sla', operator: 'is', value: 'breached' }], any: [] },
      actions: [{ type: 'notify', target: 'team_lead', message: 'A service-level target was missed' }],
    },
    {
      name: 'Questions without a team go to Frontline',
      when: 'create',
      conditions: {
        all: [
          { field: 'type', operator: 'is', value: 'question' },
          { field: 'team', operator: 'is', value: null },
        ],
        any: [],
      },
      actions: [{ type: 'route', teamId: cast.frontlineId }],
    },
  ];
}

export const demoAutomations: AutomationDraftInput[] = [
  {
    name: 'Pending 3 business days: remind the customer',
    conditions: {
      all: [{ field: 'hours_since_pending', operator: 'at_least', value: 27, businessHours: true }],
      any: [],
    },
    actions: [
      {
        type: 'email_customer',
        body: 'Hello {{customer.name}},\n\nWe are still waiting for your reply on "{{ticket.subject}}" (#{{ticket.id}}). Reply to this mail and we will pick it up at once.',
      },
    ],
  },
  {
    name: 'Pending 7 days: solve',
    conditions: { all: [{ field: 'hours_since_pending', operator: 'at_least', value: 168 }], any: [] },
    actions: [
      { type: 'note', body: 'No reply from the customer for 7 days: solved automatically.' },
      { type: 'set', field: 'status', value: 'solved' },
    ],
  },
];

/** Eight triggers, two automations besides the default one (closing solved tickets), and a few firings per trigger. */
export async function seedAutomation(db: DbOrTrx, cast: AutomationCast, now: string): Promise<void> {
  for (const trigger of demoTriggers(cast)) await insertTriggerRow(db, triggerDraft.parse(trigger), now);
  for (const automation of demoAutomations)
    await insertAutomationRow(db, automationDraft.parse(automation), now);
  await recordPastFirings(db, 3);
}
