import { createMacroBody } from '../../contracts/macros';
import type { DbOrTrx } from '../db/database';
import { insertMacroRow } from '../modules/macros';

// The demo department's macros: the answers a kettle and small-appliance retailer gives every
// day, shared, per team and personal, some with field changes, most used often, a few not for
// months (the clean-up list has something to show).

export interface MacroCast {
  /** Frontline, Technical, Key Accounts. */
  teamIds: [number, number, number];
  /** Agents who keep personal macros. */
  agentIds: number[];
}

const DAY = 86_400_000;

interface DemoMacro {
  name: string;
  description: string;
  body: string;
  internal?: boolean;
  actions?: object;
  /** Shared, the team at this index, or the agent at this index. */
  place: 'shared' | { team: 0 | 1 | 2 } | { agent: number };
  uses: number;
  /** Days since last used; null: never. */
  lastUsedDaysAgo: number | null;
}

const demoMacros: DemoMacro[] = [
  {
    name: 'Where is my order: tracking link',
    description: 'The parcel is on its way; send the tracking and wait for the customer',
    body: 'Hello {{requester.first_name}},\n\nthank you for your patience. Your order is on its way: the tracking link in your dispatch email shows where it is right now, and the courier will text you a one-hour delivery slot on the day.\n\nIf it has not arrived in three working days, just reply here and I will chase it for you.\n\nBest wishes,\n{{agent.first_name}}',
    actions: { status: 'pending', addTags: ['delivery'] },
    place: 'shared',
    uses: 412,
    lastUsedDaysAgo: 0,
  },
  {
    name: 'Return label sent',
    description: 'A free return label for anything within 30 days',
    body: 'Hello {{requester.first_name}},\n\nI have emailed you a prepaid return label. Pack the appliance in its original box if you still have it, stick the label on and drop it at any post office.\n\nAs soon as it reaches our warehouse we refund you in full, usually within five working days.\n\nKind regards,\n{{agent.name}}',
    actions: { status: 'pending', addTags: ['return'] },
    place: 'shared',
    uses: 268,
    lastUsedDaysAgo: 1,
  },
  {
    name: 'Refund issued',
    description: 'The money is on its way back: solve the ticket',
    body: 'Hello {{requester.first_name}},\n\ngood news: your refund for ticket #{{ticket.id}} has been issued today. Depending on your bank it shows on your statement within **3 to 5 working days**.\n\nThank you for shopping with us,\n{{agent.first_name}}',
    actions: { status: 'solved', addTags: ['refund'], removeTags: ['return'] },
    place: 'shared',
    uses: 197,
    lastUsedDaysAgo: 0,
  },
  {
    name: 'Kettle switches off early: descaling',
    description: 'Limescale makes the thermostat cut out before the water boils',
    body: 'Hello {{requester.first_name}},\n\nwhen a kettle switches off before it boils, limescale on the element is almost always the cause. Please try this once:\n\n1. Fill the kettle halfway with equal parts water and white vinegar (or one sachet of citric acid).\n2. Boil it, then leave it to stand for an hour.\n3. Pour it away and boil fresh water twice.\n\nIf it still switches off early afterwards, reply here and we will replace it under warranty.\n\nBest wishes,\n{{agent.first_name}}',
    actions: { status: 'pending', type: 'question', addTags: ['descaling'] },
    place: 'shared',
    uses: 156,
    lastUsedDaysAgo: 2,
  },
  {
    name: 'Faulty appliance: replacement under warranty',
    description: 'Two-year warranty: send a new one, collect the old one',
    body: 'Hello {{requester.first_name}},\n\nI am sorry your appliance has let you down. It is covered by our two-year warranty, so I have ordered a replacement for you today. The courier will collect the faulty one when they deliver the new one, so there is no need to pack it.\n\nKind regards,\n{{agent.name}}',
    actions: { status: 'pending', priority: 'high', type: 'incident', addTags: ['warranty', 'replacement'] },
    place: 'shared',
    uses: 88,
    lastUsedDaysAgo: 3,
  },
  {
    name: 'Ask for the order number',
    description: 'We cannot find the order from the email address alone',
    body: 'Hello {{requester.first_name}},\n\nthank you for getting in touch. So that I can look into this, could you send me your order number? It starts with SW- and is in your order confirmation email.\n\nThanks,\n{{agent.first_name}}',
    actions: { status: 'pending' },
    place: 'shared',
    uses: 143,
    lastUsedDaysAgo: 1,
  },
  {
    name: 'Charged twice: duplicate payment refunded',
    description: 'The card was charged twice for one order',
    body: 'Hello {{requester.first_name}},\n\nyou are right: your card was charged twice for the same order. I have cancelled the second payment; it drops off your statement within 3 to 5 working days. I am sorry for the worry.\n\nKind regards,\n{{agent.name}}',
    actions: { status: 'solved', addTags: ['billing', 'refund'] },
    place: 'shared',
    uses: 37,
    lastUsedDaysAgo: 9,
  },
  {
    name: 'Closing: no reply from the customer',
    description: 'Solve a ticket that has waited on the customer for two weeks',
    body: 'Hello {{requester.first_name}},\n\nwe have not heard back from you, so I am closing ticket #{{ticket.id}} for now. If you still need help, simply reply to this email and it opens again.\n\nBest wishes,\n{{agent.first_name}}',
    actions: { status: 'solved' },
    place: 'shared',
    uses: 12,
    lastUsedDaysAgo: 131,
  },
  {
    name: 'Delivery delayed: apology and new date',
    description: 'Stock arrived late from the supplier',
    body: 'Hello {{requester.first_name}},\n\nI am sorry: your order is delayed because the item arrived late from our supplier. It leaves our warehouse within two working days, and I have refunded your delivery charge for the wait.\n\nKind regards,\n{{agent.first_name}}',
    actions: { priority: 'high', addTags: ['delivery', 'delayed'] },
    place: { team: 0 },
    uses: 64,
    lastUsedDaysAgo: 4,
  },
  {
    name: 'Wrong address: change before dispatch',
    description: 'Take the ticket and change the address in the warehouse system',
    body: 'Hello {{requester.first_name}},\n\nno problem: I will update the delivery address before your order leaves the warehouse and confirm here once it is done.\n\n{{agent.first_name}}',
    actions: { status: 'open', assignee: 'me', addTags: ['address-change'] },
    place: { team: 0 },
    uses: 29,
    lastUsedDaysAgo: 6,
  },
  {
    name: 'Safety concern: hand over to Technical',
    description: 'Scorching, sparks, a burning smell or a leak near the base',
    body: 'Safety report on #{{ticket.id}} ({{ticket.subject}}). Customer {{requester.name}} was told to unplug the appliance and stop using it. Please call them today and log the serial number for the supplier.',
    internal: true,
    actions: { priority: 'urgent', type: 'incident', addTags: ['safety'] },
    place: { team: 1 },
    uses: 7,
    lastUsedDaysAgo: 18,
  },
  {
    name: 'Coffee machine error E3: reset steps',
    description: 'The old model CM-200 showing E3 after descaling',
    body: 'Hello {{requester.first_name}},\n\nE3 on the CM-200 clears with a reset: switch the machine off at the back, hold the steam button and switch it on again, then let go after five seconds.\n\nBest wishes,\n{{agent.first_name}}',
    actions: { status: 'pending' },
    place: { team: 1 },
    uses: 3,
    lastUsedDaysAgo: 214,
  },
  {
    name: 'Key account: personal follow-up',
    description: 'Take the ticket and promise a call the same day',
    body: 'Hello {{requester.first_name}},\n\nthank you for letting us know. I am looking after this personally for {{organization.name}} and will call you before the end of the day.\n\nKind regards,\n{{agent.name}}',
    actions: { assignee: 'me', priority: 'high', addTags: ['key-account'] },
    place: { team: 2 },
    uses: 41,
    lastUsedDaysAgo: 2,
  },
  {
    name: 'My sign-off',
    description: 'Thanks and my name',
    body: 'Thanks again for your patience, {{requester.first_name}}. Have a lovely day!\n\n{{agent.name}}\nCustomer Care',
    place: { agent: 0 },
    uses: 230,
    lastUsedDaysAgo: 0,
  },
  {
    name: 'Christmas delivery cut-off',
    description: 'Last year’s holiday notice',
    body: 'Hello {{requester.first_name}},\n\norders placed after 20 December arrive after Christmas. We are sorry we cannot promise an earlier date.\n\n{{agent.first_name}}',
    place: { agent: 1 },
    uses: 19,
    lastUsedDaysAgo: 340,
  },
];

/** Fifteen macros, written through the macros module as the API would check them. */
export async function seedMacros(db: DbOrTrx, cast: MacroCast, now: number): Promise<void> {
  for (const [i, m] of demoMacros.entries()) {
    const place = m.place;
    const visibility = place === 'shared' ? 'shared' : 'team' in place ? 'team' : 'personal';
    await insertMacroRow(
      db,
      {
        ...createMacroBody.parse({
          name: m.name,
          description: m.description,
          body: m.body,
          internal: m.internal ?? false,
          actions: m.actions ?? {},
          visibility,
          teamId: place !== 'shared' && 'team' in place ? cast.teamIds[place.team] : null,
        }),
        ownerId: place !== 'shared' && 'agent' in place ? (cast.agentIds[place.agent] ?? null) : null,
        usageCount: m.uses,
        lastUsedAt:
          m.lastUsedDaysAgo === null
            ? null
            : new Date(now - m.lastUsedDaysAgo * DAY - (i + 1) * 3_600_000).toISOString(),
      },
      new Date(now - 400 * DAY).toISOString(),
    );
  }
}
