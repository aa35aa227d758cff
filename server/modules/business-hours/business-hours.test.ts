import { expect, it } from 'vitest';
import type { BusinessCalendar, CalendarPreview } from '../../../contracts/business-hours';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { addOpenTime } from './business-hours.rules';
import { loadCalendar } from './business-hours.service';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:30' }));
const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Holidays//EN',
  'BEGIN:VEVENT',
  'UID:1@holidays.example',
  'DTSTART;VALUE=DATE:20261225',
  'DTEND;VALUE=DATE:20261227',
  'SUMMARY:Christmas',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2@holidays.example',
  'DTSTART;VALUE=DATE:20260101',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:New Year’s Day',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describeApi('business hours', (t) => {
  const send = (auth: Auth, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const create = async (auth: Auth, body: object) => {
    const res = await send(auth, 'POST', '/api/v1/business-hours', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as BusinessCalendar;
  };

  it('the first calendar is the default; its weekly hours are counted', async () => {
    const manager = await t.signIn('manager');
    const office = await create(manager, { name: 'Head office', timezone: 'Europe/London', hours: weekdays });
    expect(office).toMatchObject({ isDefault: true, weeklyMinutes: 5 * 510, timezone: 'Europe/London' });
    const night = await create(manager, {
      name: 'Night desk',
      timezone: 'America/New_York',
      hours: [{ day: 5, start: '22:00', end: '02:00' }],
      holidays: [{ date: '2026-07-04', name: 'Independence Day', yearly: true }],
    });
    expect(night).toMatchObject({ isDefault: false, weeklyMinutes: 240 });
    expect(night.holidays).toEqual([{ date: '2026-07-04', name: 'Independence Day', yearly: true }]);
    const agent = await t.signIn('agent');
    const list = (await t.request(agent, { method: 'GET', url: '/api/v1/business-hours' })).json().data;
    expect(list.map((c: BusinessCalendar) => [c.name, c.isDefault])).toEqual([
      ['Head office', true],
      ['Night desk', false],
    ]);
  });

  it('one default at a time: making another the default moves it, and the default cannot be deleted', async () => {
    const admin = await t.signIn('admin');
    const a = await create(admin, { name: 'A', timezone: 'UTC', hours: weekdays });
    const b = await create(admin, { name: 'B', timezone: 'UTC', hours: weekdays, isDefault: true });
    expect(b.isDefault).toBe(true);
    expect(
      (await t.request(admin, { method: 'GET', url: `/api/v1/business-hours/${a.id}` })).json().isDefault,
    ).toBe(false);
    const refused = await send(admin, 'DELETE', `/api/v1/business-hours/${b.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CALENDAR_IS_DEFAULT');
    expect((await send(admin, 'DELETE', `/api/v1/business-hours/${a.id}`)).statusCode).toBe(204);
    expect((await send(admin, 'DELETE', `/api/v1/business-hours/${a.id}`)).statusCode).toBe(404);
  });

  it('the clocks read the default calendar: a Friday-evening target waits for Monday', async () => {
    const manager = await t.signIn('manager');
    await create(manager, { name: 'Head office', timezone: 'Europe/London', hours: weekdays });
    const calendar = (await loadCalendar(t.handle.db, null))!;
    const fridayEvening = Date.parse('2026-06-05T17:00:00Z'); // 18:00 in London
    expect(new Date(addOpenTime(calendar, fridayEvening, 2 * 3_600_000)!).toISOString()).toBe(
      '2026-06-08T10:00:00.000Z',
    );
  });

  it('refuses overlapping hours, unknown zones, impossible dates and taken names, and changes nothing', async () => {
    const admin = await t.signIn('admin');
    const office = await create(admin, { name: 'Office', timezone: 'UTC', hours: weekdays });
    const cases = [
      { name: 'X', timezone: 'Mars/Olympus' },
      {
        name: 'X',
        timezone: 'UTC',
        hours: [
          { day: 1, start: '09:00', end: '12:00' },
          { day: 1, start: '11:00', end: '13:00' },
        ],
      },
      { name: 'X', timezone: 'UTC', hours: [{ day: 7, start: '09:00', end: '12:00' }] },
      { name: 'X', timezone: 'UTC', hours: [{ day: 1, start: '9am', end: '12:00' }] },
      { name: 'X', timezone: 'UTC', holidays: [{ date: '2026-02-30', name: 'Never' }] },
    ];
    for (const body of cases) {
      const res = await send(admin, 'POST', '/api/v1/business-hours', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const taken = await send(admin, 'POST', '/api/v1/business-hours', { name: 'Office', timezone: 'UTC' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CALENDAR_NAME_TAKEN');
    const list = (await t.request(admin, { method: 'GET', url: '/api/v1/business-hours' })).json().data;
    expect(list).toEqual([office]);
  });

  it('edits hours and holidays, and keeps the change in the audit log', async () => {
    const manager = await t.signIn('manager');
    const office = await create(manager, { name: 'Office', timezone: 'UTC', hours: weekdays });
    const res = await send(manager, 'PATCH', `/api/v1/business-hours/${office.id}`, {
      hours: [{ day: 6, start: '10:00', end: '14:00' }],
      holidays: [{ date: '2026-12-31', name: 'Year end' }],
    });
    expect(res.json()).toMatchObject({
      weeklyMinutes: 240,
      holidays: [{ date: '2026-12-31', yearly: false }],
    });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'business_hours.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes)).toMatchObject({
      weeklyMinutes: { before: 2550, after: 240 },
      holidays: { before: 0, after: 1 },
    });
  });

  it('imports holidays from an iCalendar file: multi-day events by day, yearly rules as yearly', async () => {
    const manager = await t.signIn('manager');
    const office = await create(manager, {
      name: 'Office',
      timezone: 'UTC',
      hours: weekdays,
      holidays: [{ date: '2026-05-01', name: 'May Day' }],
    });
    const res = await send(manager, 'POST', `/api/v1/business-hours/${office.id}/holidays/import`, { ics });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().holidays).toEqual([
      { date: '2026-01-01', name: 'New Year’s Day', yearly: true },
      { date: '2026-05-01', name: 'May Day', yearly: false },
      { date: '2026-12-25', name: 'Christmas', yearly: false },
      { date: '2026-12-26', name: 'Christmas', yearly: false },
    ]);
    const replaced = await send(manager, 'POST', `/api/v1/business-hours/${office.id}/holidays/import`, {
      ics,
      replace: true,
    });
    expect(replaced.json().holidays.map((h: { date: string }) => h.date)).toEqual([
      '2026-01-01',
      '2026-12-25',
      '2026-12-26',
    ]);
    for (const bad of ['not a calendar', 'BEGIN:VCARD\r\nEND:VCARD', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT']) {
      const refused = await send(manager, 'POST', `/api/v1/business-hours/${office.id}/holidays/import`, {
        ics: bad,
      });
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.details[0].path).toEqual(['ics']);
    }
  });

  it('previews a week in the calendar’s zone, with holidays and overnight hours', async () => {
    const manager = await t.signIn('manager');
    const desk = await create(manager, {
      name: 'Desk',
      timezone: 'Europe/London',
      hours: [
        { day: 0, start: '22:00', end: '02:00' },
        { day: 1, start: '09:00', end: '17:00' },
        { day: 2, start: '09:00', end: '24:00' },
      ],
      holidays: [{ date: '2026-03-31', name: 'Spring break' }],
    });
    const res = await t.request(manager, {
      method: 'GET',
      url: `/api/v1/business-hours/${desk.id}/preview?from=2026-03-29&days=3`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as CalendarPreview;
    expect(
      preview.days.map((d) => [
        d.date,
        d.weekday,
        d.holiday,
        d.open.map((o) => `${o.localStart}-${o.localEnd}`),
      ]),
    ).toEqual([
      ['2026-03-29', 0, null, ['22:00-02:00']],
      ['2026-03-30', 1, null, ['09:00-17:00']],
      ['2026-03-31', 2, 'Spring break', []],
    ]);
    // Sunday 29 March is the first day of summer time: 22:00 BST is 21:00 UTC.
    expect(preview.days[0]!.open[0]!.start).toBe('2026-03-29T21:00:00.000Z');
    expect(preview.openMinutes).toBe(240 + 480);
  });

  it('agents read calendars; only managers and admins change them', async () => {
    const admin = await t.signIn('admin');
    const office = await create(admin, { name: 'Office', timezone: 'UTC', hours: weekdays });
    const agent = await t.signIn('agent');
    expect(
      (await t.request(agent, { method: 'GET', url: `/api/v1/business-hours/${office.id}/preview` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await send(agent, 'POST', '/api/v1/business-hours', { name: 'Mine', timezone: 'UTC' })).statusCode,
    ).toBe(403);
    expect(
      (await send(agent, 'PATCH', `/api/v1/business-hours/${office.id}`, { name: 'Mine' })).statusCode,
    ).toBe(403);
    const customer = await t.signIn('customer');
    expect((await t.request(customer, { method: 'GET', url: '/api/v1/business-hours' })).statusCode).toBe(
      403,
    );
    expect(
      (await t.request({ kind: 'anonymous' }, { method: 'GET', url: '/api/v1/business-hours' })).statusCode,
    ).toBe(401);
    expect(
      (await t.request(admin, { method: 'GET', url: `/api/v1/business-hours/${office.id}` })).json().name,
    ).toBe('Office');
  });
});
