import { expect, it } from 'vitest';
import type { Board } from '../../../contracts/board';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { systemContext } from '../../platform/auth/actor';
import { setPresence, setTeamRouting } from '../routing';
import {
  addCustomerMessage,
  checkOpenTicketCounts,
  escalateTicket,
  rebuildOpenTicketCounts,
} from '../tickets';
import { readBoard } from './board.service';

/**
 * The board's backlog, unassigned and agents' loads come from running counts of open tickets
 * (migration 0047): after every kind of write that changes a ticket's team, status, assignee or
 * openness, they agree with a recount of the tickets, and so does every figure the board shows.
 */
describeApi('the open-ticket counts behind the board', (t) => {
  const db = () => t.handle.db;

  /** The board's figures recounted from the tickets themselves. */
  const recount = async (teamIds: number[] | null) => {
    let query = db()
      .selectFrom('tickets')
      .select(['team_id', 'status', 'assignee_id'])
      .where('is_open', '=', 1);
    if (teamIds) query = query.where('team_id', 'in', teamIds.length ? teamIds : [-1]);
    const open = await query.execute();
    const byTeam = new Map<
      number | null,
      { open: number; unassigned: number; byStatus: Record<string, number> }
    >();
    for (const r of open) {
      const row = byTeam.get(r.team_id) ?? { open: 0, unassigned: 0, byStatus: {} };
      row.open += 1;
      if (r.assignee_id === null) row.unassigned += 1;
      row.byStatus[r.status] = (row.byStatus[r.status] ?? 0) + 1;
      byTeam.set(r.team_id, row);
    }
    const loads = new Map<number, number>();
    for (const r of await db().selectFrom('tickets').select('assignee_id').where('is_open', '=', 1).execute())
      if (r.assignee_id !== null) loads.set(r.assignee_id, (loads.get(r.assignee_id) ?? 0) + 1);
    return {
      open: open.length,
      unassigned: open.filter((r) => r.assignee_id === null).length,
      byTeam,
      loads,
    };
  };

  const agree = async (teamIds: number[] | null = null) => {
    expect(await checkOpenTicketCounts(db())).toEqual([]);
    const board: Board = await readBoard(db(), teamIds, Date.now());
    const expected = await recount(teamIds);
    expect(board.backlog.open).toBe(expected.open);
    expect(board.unassigned.count).toBe(expected.unassigned);
    expect(board.unassigned.buckets.reduce((n, b) => n + b.count, 0)).toBe(expected.unassigned);
    const shown = board.backlog.byTeam.filter((r) => r.open > 0);
    expect(shown.length).toBe(expected.byTeam.size);
    for (const row of shown) {
      const want = expected.byTeam.get(row.team?.id ?? null);
      expect(want, `team ${row.team?.name ?? 'none'}`).toBeDefined();
      expect(row.open).toBe(want?.open);
      expect(row.unassigned).toBe(want?.unassigned);
      for (const [status, n] of Object.entries(row.byStatus))
        expect(n, `${row.team?.name ?? 'none'} ${status}`).toBe(want?.byStatus[status] ?? 0);
    }
    for (const agent of board.agents) expect(agent.load, agent.name).toBe(expected.loads.get(agent.id) ?? 0);
    return board;
  };

  it('agree with a recount after every kind of ticket write, and are rebuilt and checked', async () => {
    const admin = await t.signIn('admin');
    const rosa = await t.signIn('agent', { name: 'Rosa Moreau' });
    const li = await t.signIn('agent', { name: 'Li Wei' });
    const team = async (name: string, memberIds: number[]) =>
      (
        await t.request(admin, {
          method: 'POST',
          url: '/api/v1/teams',
          payload: { name, memberIds, leadId: memberIds[0] ?? null },
        })
      ).json() as { id: number };
    const billing = await team('Billing', [rosa.userId, li.userId]);
    const shipping = await team('Shipping', [li.userId]);
    const patch = async (auth: Auth, id: number, payload: Record<string, unknown>) => {
      const res = await t.request(auth, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload });
      expect(res.statusCode, res.body).toBe(200);
    };

    // Opened: unassigned, assigned, without a team, and already solved.
    const a = await openTicket(t, admin, { subject: 'A', teamId: billing.id });
    const b = await openTicket(t, admin, {
      subject: 'B',
      teamId: billing.id,
      assigneeId: rosa.userId,
      status: 'open',
    });
    const c = await openTicket(t, admin, { subject: 'C', assigneeId: li.userId, status: 'pending' });
    const d = await openTicket(t, admin, { subject: 'D', teamId: shipping.id });
    await openTicket(t, admin, { subject: 'E', teamId: shipping.id, status: 'solved' });
    // Routed as it is opened: round robin among the team's online agents assigns it.
    await setTeamRouting(db(), shipping.id, { method: 'round_robin' });
    await setPresence(db(), li.userId, 'online', 'set', new Date().toISOString());
    const routed = await openTicket(t, admin, { subject: 'Routed', teamId: shipping.id });
    expect(routed.assignee?.id).toBe(li.userId);
    await patch(admin, routed.id, { status: 'solved' });
    const first = await agree();
    expect(first.backlog.open).toBe(4);
    await agree([billing.id]);

    // Assigned, reassigned and unassigned; moved between teams and out of any; status changes.
    await patch(admin, a.id, { assigneeId: li.userId });
    await agree();
    await patch(admin, a.id, { assigneeId: rosa.userId });
    await patch(admin, b.id, { assigneeId: null });
    await agree();
    await patch(admin, b.id, { teamId: shipping.id });
    await patch(admin, c.id, { teamId: billing.id });
    await patch(admin, d.id, { teamId: null });
    await agree();
    await patch(admin, a.id, { status: 'on_hold' });
    await patch(admin, c.id, { status: 'open' });
    await agree([billing.id, shipping.id]);

    // Solved and reopened, then closed.
    await patch(admin, a.id, { status: 'solved' });
    expect((await agree()).backlog.open).toBe(3);
    await patch(admin, a.id, { status: 'open' });
    expect((await agree()).backlog.open).toBe(4);
    await patch(admin, a.id, { status: 'solved' });
    await patch(admin, a.id, { status: 'closed' });
    await agree();

    // Escalated into another team (a missed service level's escalation can name one).
    await db()
      .transaction()
      .execute((trx) =>
        escalateTicket(trx, systemContext('Service levels'), c.id, {
          reason: 'Needs shipping',
          escalatedToId: null,
          teamId: shipping.id,
        }),
      );
    await agree();

    // Bulk changes of team, assignee and status at once.
    const bulk = await t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/tickets',
      payload: {
        ticketIds: [b.id, c.id, d.id],
        changes: { teamId: billing.id, assigneeId: li.userId, status: 'pending' },
      },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().updated).toHaveLength(3);
    await agree();

    // Merged: the sources are closed.
    const f = await openTicket(t, admin, { subject: 'F', teamId: billing.id });
    const merged = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/tickets/${b.id}/merges`,
      payload: { sourceIds: [f.id, d.id] },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await agree()).backlog.open).toBe(2);

    // A customer's reply reopens a solved ticket.
    await patch(admin, b.id, { status: 'solved' });
    await agree();
    const before = (
      await db().selectFrom('tickets').select('requester_id').where('id', '=', b.id).executeTakeFirstOrThrow()
    ).requester_id;
    await db()
      .transaction()
      .execute((trx) =>
        addCustomerMessage(trx, systemContext('Mail'), b.id, {
          customerId: before,
          body: 'It broke again.',
          channel: 'email',
          attachmentIds: [],
        }),
      );
    expect((await agree()).backlog.byStatus.open).toBe(1);

    // A team deleted clears its tickets' team through the foreign key; a ticket row deleted goes.
    const g = await openTicket(t, admin, {
      subject: 'G',
      teamId: shipping.id,
      assigneeId: li.userId,
      status: 'open',
    });
    const deleted = await t.request(admin, { method: 'DELETE', url: `/api/v1/teams/${shipping.id}` });
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    await agree();
    await db().deleteFrom('tickets').where('id', '=', g.id).execute();
    await agree();

    // Counts that drifted are found by the check and put right by the rebuild.
    await db().updateTable('open_ticket_counts').set({ n: 7 }).execute();
    await db()
      .insertInto('open_ticket_counts')
      .values({ team_id: 999, status: 'new', assignee_id: 0, slot: 0, n: 1 })
      .execute();
    const drift = await checkOpenTicketCounts(db());
    expect(drift.length).toBeGreaterThan(0);
    expect(drift).toContainEqual({ teamId: 999, status: 'new', assigneeId: null, counted: 0, kept: 1 });
    const open = await rebuildOpenTicketCounts(db());
    expect(open).toBe((await recount(null)).open);
    await agree();
  });
});
