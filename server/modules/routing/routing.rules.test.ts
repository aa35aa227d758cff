import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECT_CHARS, detectLanguage, languageName } from './routing.language';
import {
  addToLoad,
  type Candidate,
  decide,
  type Load,
  leastLoaded,
  nextInTurn,
  noLoad,
  type TicketNeeds,
} from './routing.rules';

const agent = (id: number, more: Partial<Candidate> = {}): Candidate => ({
  id,
  name: `Agent ${id}`,
  presence: 'online',
  skills: new Map(),
  languages: [],
  capacity: {},
  ...more,
});
const needs = (more: Partial<TicketNeeds> = {}): TicketNeeds => ({
  channel: 'email',
  skills: [],
  language: null,
  ...more,
});
const billing = { key: 'billing', label: 'Billing' };

function run(
  members: Candidate[],
  ticket: TicketNeeds,
  loads: Record<number, Load> = {},
  cursor: number | null = null,
) {
  return decide({
    method: 'round_robin',
    teamName: 'Billing team',
    members,
    needs: ticket,
    languageName: ticket.language === 'de' ? 'German' : null,
    cursor,
    loadOf: (id) => loads[id] ?? noLoad,
  });
}

describe('round robin', () => {
  it('gives the next agent after the cursor, wrapping round', () => {
    const sorted = [agent(2), agent(5), agent(9)];
    expect(nextInTurn(sorted, null).id).toBe(2);
    expect(nextInTurn(sorted, 2).id).toBe(5);
    expect(nextInTurn(sorted, 9).id).toBe(2);
    // The agent who had the last ticket went offline: the turn goes on from where it was.
    expect(nextInTurn([agent(2), agent(9)], 5).id).toBe(9);
  });

  it('is fair: over any number of turns each agent is within one of the others', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 400 }),
        (ids, turns) => {
          const sorted = [...ids].sort((a, b) => a - b).map((id) => agent(id));
          const counts = new Map<number, number>();
          let cursor: number | null = null;
          for (let i = 0; i < turns; i++) {
            const next: Candidate = nextInTurn(sorted, cursor);
            counts.set(next.id, (counts.get(next.id) ?? 0) + 1);
            cursor = next.id;
          }
          const got = sorted.map((a) => counts.get(a.id) ?? 0);
          return Math.max(...got) - Math.min(...got) <= 1;
        },
      ),
    );
  });
});

describe('least loaded', () => {
  it('weighs open tickets by priority: urgent 4, high 2, normal 1, low 0.5', () => {
    let a = addToLoad(noLoad, 'email', 'urgent');
    let b = noLoad;
    for (const p of ['normal', 'normal', 'high', 'low'] as const) b = addToLoad(b, 'email', p);
    expect(a.weighted).toBe(4);
    expect(b).toEqual({ open: 4, weighted: 4.5, byChannel: { email: 4 } });
    expect(leastLoaded([agent(1), agent(2)], (id) => (id === 1 ? a : b), needs()).id).toBe(1);
    a = addToLoad(a, 'web', 'low');
    expect(leastLoaded([agent(1), agent(2)], (id) => (id === 1 ? a : b), needs()).id).toBe(1);
  });

  it('adds a count of tickets at once exactly as one at a time', () => {
    const channels = ['email', 'web', 'phone'] as const;
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            channel: fc.constantFrom(...channels),
            priority: fc.constantFrom(...priorities),
            count: fc.integer({ min: 0, max: 12 }),
          }),
          { maxLength: 20 },
        ),
        (rows) => {
          let bulk = noLoad;
          let single = noLoad;
          for (const row of rows) {
            bulk = addToLoad(bulk, row.channel, row.priority, row.count);
            for (let i = 0; i < row.count; i++) single = addToLoad(single, row.channel, row.priority);
          }
          expect(bulk.open).toBe(single.open);
          expect(bulk.weighted).toBeCloseTo(single.weighted, 9);
          for (const channel of channels)
            expect(bulk.byChannel[channel] ?? 0).toBe(single.byChannel[channel] ?? 0);
        },
      ),
    );
  });

  it('breaks ties by fewer tickets, then the more skilled agent, then the lower id', () => {
    const load = addToLoad(noLoad, 'email', 'normal');
    const skilled = agent(3, { skills: new Map([['billing', 5]]) });
    const novice = agent(1, { skills: new Map([['billing', 1]]) });
    expect(leastLoaded([novice, skilled], () => load, needs({ skills: [billing] })).id).toBe(3);
    expect(leastLoaded([agent(4), agent(2)], () => noLoad, needs()).id).toBe(2);
  });
});

describe('who qualifies', () => {
  it('needs online agents with every skill, the language and room under the channel’s capacity', () => {
    const members = [
      agent(1, { presence: 'away', skills: new Map([['billing', 3]]), languages: ['de'] }),
      agent(2, { skills: new Map([['billing', 3]]), languages: ['en'] }),
      agent(3, { skills: new Map([['billing', 3]]), languages: ['de'], capacity: { email: 1 } }),
      agent(4, { skills: new Map([['billing', 3]]) }),
      agent(5, { languages: ['de'] }),
    ];
    const ticket = needs({ skills: [billing], language: 'de' });
    const full = { 3: addToLoad(noLoad, 'email', 'low') };
    const decision = run(members, ticket, full);
    expect(decision).toMatchObject({ outcome: 'assigned', agent: { id: 4 }, qualified: 1 });
    expect(decision.reason).toBe(
      'Assigned to Agent 4: next in turn among 1 online agent with skill Billing who speaks German (1 more at capacity)',
    );
    // The cap is per channel: a web ticket still fits agent 3.
    expect(run(members, { ...ticket, channel: 'web' }, full, 3)).toMatchObject({
      agent: { id: 4 },
      qualified: 2,
    });
  });

  it('says which step left nobody', () => {
    const away = [agent(1, { presence: 'away' }), agent(2, { presence: 'offline' })];
    expect(run([], needs()).reason).toBe('Left unassigned: Billing team has no agents');
    expect(run(away, needs()).reason).toBe('Left unassigned: none of the 2 agents in Billing team is online');
    expect(run([agent(1)], needs({ skills: [billing] })).reason).toBe(
      'Left unassigned: the only online agent does not have skill Billing',
    );
    expect(
      run([agent(1, { languages: ['en'] }), agent(2, { languages: ['fr'] })], needs({ language: 'de' }))
        .reason,
    ).toBe('Left unassigned: none of the 2 online agents speaks German');
    const capped = [agent(1, { capacity: { email: 0 } }), agent(2, { capacity: { email: 0 } })];
    expect(run(capped, needs()).reason).toBe(
      'Left unassigned: all 2 online agents are at capacity for email',
    );
  });
});

describe('language', () => {
  it('reads the language of a text as the two-letter code agents use', () => {
    expect(
      detectLanguage('Guten Tag, ich habe meine Rechnung zweimal bezahlt. Bitte erstatten Sie mir das Geld.'),
    ).toBe('de');
    expect(
      detectLanguage('Hello, my parcel was supposed to arrive last week and nothing has come yet.'),
    ).toBe('en');
    expect(
      detectLanguage('Bonjour, ma commande est arrivée cassée, pouvez-vous me renvoyer un colis ?'),
    ).toBe('fr');
    expect(detectLanguage('Hi')).toBeNull();
    expect(languageName('de')).toBe('German');
  });

  it('reads at most the first characters, fast whatever the text', () => {
    const hostile = `${'Guten Tag, bitte helfen Sie mir mit meiner Bestellung. '.repeat(10)}${'a'.repeat(1_000_000)}`;
    const started = performance.now();
    expect(detectLanguage(hostile)).toBe('de');
    expect(performance.now() - started).toBeLessThan(200);
    expect(DETECT_CHARS).toBeLessThanOrEqual(1000);
  });
});
