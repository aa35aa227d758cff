import { expect, it } from 'vitest';
import { type AuditEntry, sentenceText } from '../../../contracts/audit';
import { describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { recordAudit } from '../../platform/audit/audit.writer';
import { systemContext } from '../../platform/auth/actor';

const said = (entry: AuditEntry) => sentenceText(entry.summary);

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describeApi('audit log', (t) => {
  it('filters by actor, entity, action and date, newest first, by cursor', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'One' } });
    await t.request(manager, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Two' } });
    await t.request(manager, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Three' } });

    const byManager = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/audit-log?actorType=user&actorId=${manager.userId}&action=team.created`,
    });
    expect(byManager.json().data.map((e: AuditEntry) => e.changes.name?.after)).toEqual(['Three', 'Two']);

    const paged = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?entityType=team&limit=2' });
    expect(paged.json().data).toHaveLength(2);
    const rest = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/audit-log?entityType=team&limit=2&cursor=${paged.json().nextCursor}`,
    });
    expect(rest.json().data.map((e: AuditEntry) => e.changes.name?.after)).toEqual(['One']);

    const future = await t.request(admin, {
      method: 'GET',
      url: '/api/v1/audit-log?from=2999-01-01T00:00:00Z',
    });
    expect(future.json().data).toEqual([]);
    const past = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?to=2000-01-01T00:00:00Z' });
    expect(past.json().data).toEqual([]);
    for (const bad of ['from=yesterday', 'action=team.frobbed', 'entityType=spaceship']) {
      const res = await t.request(admin, { method: 'GET', url: `/api/v1/audit-log?${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('says what happened in words, names the actor and links what changed', async () => {
    const admin = await t.signIn('admin', { name: 'Morgan Reyes' });
    const rosa = await t.signIn('agent', { name: 'Rosa Moreau' });
    const team = (
      await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Billing desk' } })
    ).json() as { id: number };
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { memberIds: [rosa.userId] },
    });
    const ticket = await openTicket(t, admin, { subject: 'Printer jam' });
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}`,
      payload: { priority: 'high', version: ticket.version },
    });

    const entries = (await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?limit=10' })).json()
      .data as AuditEntry[];
    const [priority, , member] = entries;
    expect(priority!.actor).toEqual({ type: 'user', id: admin.userId, name: 'Morgan Reyes' });
    expect(said(priority!)).toBe(`changed priority from normal to high on ticket #${ticket.id} Printer jam`);
    expect(priority!.summary.find((s) => s.entity)).toEqual({
      text: `#${ticket.id} Printer jam`,
      entity: { type: 'ticket', id: String(ticket.id) },
    });
    expect(said(member!)).toBe('added Rosa Moreau to team Billing desk');
    expect(member!.entityName).toBe('Billing desk');
    expect(member!.summary.at(-1)).toEqual({
      text: 'Billing desk',
      entity: { type: 'team', id: String(team.id) },
    });

    const signIn = (
      await t.request(admin, {
        method: 'GET',
        url: `/api/v1/audit-log?action=auth.login&actorId=${rosa.userId}`,
      })
    ).json().data as AuditEntry[];
    expect(signIn.map((e) => `${e.actor.name} ${said(e)}`)).toEqual(['Rosa Moreau signed in']);

    // A team deleted since keeps the name the log recorded, and is no longer a link.
    await t.request(admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}` });
    const history = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit-log?entityType=team&entityId=${team.id}` })
    ).json().data as AuditEntry[];
    expect(history.map(said)).toEqual([
      'deleted team Billing desk',
      'added Rosa Moreau to team Billing desk',
      'created team Billing desk',
    ]);
    expect(history.flatMap((e) => e.summary).filter((s) => s.entity)).toEqual([]);
  });

  it('agents cannot read it', async () => {
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(403);
  });

  it('exports the entries the filters match as CSV, safe to open in a spreadsheet', async () => {
    const admin = await t.signIn('admin', { name: 'Csv Admin' });
    const names = [
      '=HYPERLINK("http://evil.example","x")',
      '+cmd',
      '-2+3',
      '@SUM(A1)',
      'Plain, "quoted" name',
    ];
    for (const name of names)
      await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name } });

    const res = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/audit-log/export?action=team.created&actorId=${admin.userId}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(res.body.slice(1));
    expect(header).toEqual([
      'Time (UTC)',
      'Actor',
      'Actor type',
      'Action',
      'Description',
      'Entity type',
      'Entity ID',
      'Entity',
      'IP address',
      'Changes',
    ]);
    expect(rows).toHaveLength(names.length);
    expect(rows.every((r) => r[1] === 'Csv Admin' && r[3] === 'team.created')).toBe(true);
    // Newest first; a cell that would start a formula starts with a quote instead.
    expect(rows.map((r) => r[7])).toEqual([
      'Plain, "quoted" name',
      "'@SUM(A1)",
      "'-2+3",
      "'+cmd",
      `'=HYPERLINK("http://evil.example","x")`,
    ]);
    expect(rows[0]![4]).toBe('Csv Admin created team Plain, "quoted" name');
    expect(JSON.parse(rows[0]![9]!)).toMatchObject({ name: { before: null, after: 'Plain, "quoted" name' } });
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('streams a long export in batches, all of it, newest first', async () => {
    const admin = await t.signIn('admin');
    const ctx = systemContext('Importer');
    await t.handle.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 1203; i++)
        await recordAudit(trx, ctx, {
          action: 'customer.note_added',
          entityType: 'customer',
          entityId: 900_000 + i,
          after: { note: `note ${i}` },
        });
    });
    const res = await t.request(admin, {
      method: 'GET',
      url: '/api/v1/audit-log/export?actorType=system&action=customer.note_added',
    });
    const rows = parseCsv(res.body.slice(1)).slice(1);
    expect(rows).toHaveLength(1203);
    expect(rows[0]![6]).toBe('901203');
    expect(rows.at(-1)![6]).toBe('900001');
    expect(new Set(rows.map((r) => r[6])).size).toBe(1203);
    expect(rows[0]![4]).toBe('Importer added a note on customer #901203');
  });

  it('exports only for those who may read the log, and refuses bad filters', async () => {
    const agent = await t.signIn('agent');
    const manager = await t.signIn('manager');
    const url = '/api/v1/audit-log/export';
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const refused = await t.request(agent, { method: 'GET', url });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await t.request(await t.tokenFor('agent'), { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.request(manager, { method: 'GET', url })).statusCode).toBe(200);
    const bad = await t.request(manager, { method: 'GET', url: `${url}?to=tomorrow` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.request(manager, { method: 'GET', url: `${url}?limit=5` })).statusCode).toBe(400);
  });
});
