import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../platform/calendar/calendar.service.ts';
import { createWorld, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: TestSession;

const year2031 = {
  year: 2031,
  source: '国办发明电〔2030〕测试号',
  holidays: [
    { date: '2031-01-01', name: '元旦' },
    { date: '2031-10-01', name: '国庆节' },
    { date: '2031-10-02', name: '国庆节' },
    { date: '2031-10-03', name: '国庆节' },
  ],
  workdays: [{ date: '2031-09-28', name: '国庆节调休' }],
};

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  admin = await login(t.app, 'admin', world.users.admin.password);
});
afterAll(() => t.close());

const due = (query: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?${query}`, headers });

describe('GET /api/v1/calendar/due', () => {
  it('answers anyone with the Nth working day after receipt', async () => {
    const response = await due('start=2026-09-28&workdays=5');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ due: '2026-10-10' });
    expect((await due('start=2026-02-12&workdays=3')).json()).toEqual({ due: '2026-02-24' });
  });

  it('answers bad input with a 400 problem naming the field', async () => {
    const impossible = await due('start=2026-02-30&workdays=5');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.headers['content-type']).toContain('application/problem+json');
    expect(impossible.json().errors[0].path).toBe('/querystring/start');
    const words = await due('start=tomorrow&workdays=5');
    expect(words.statusCode).toBe(400);
    const negative = await due('start=2026-03-02&workdays=-1');
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].path).toBe('/querystring/workdays');
    expect((await due('start=2026-03-02')).statusCode).toBe(400);
  });

  it('refuses a year without a schedule with 422 and says what to do, in both languages', async () => {
    const zh = await due('start=2031-03-03&workdays=5');
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'calendar.year_unknown' });
    expect(zh.json().detail).toContain('2031');
    const en = await due('start=2031-03-03&workdays=5', { 'accept-language': 'en' });
    expect(en.json().detail).toContain('no holiday schedule for 2031');
  });
});

describe('importing a year', () => {
  it('is for the platform admin only', async () => {
    const head = await login(t.app, 'police.head', world.users.policeHead.password);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: head.write,
      payload: year2031,
    });
    expect(response.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      payload: year2031,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a wrong schedule as a whole and writes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: admin.write,
      payload: { ...year2031, workdays: [...year2031.workdays, { date: '2032-01-03', name: '跨年' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: '/body/workdays/1/date', message: '日期不在 2031 年内' },
    ]);
    const years = await t.database.db.selectFrom('calendar_years').selectAll().execute();
    expect(years).toEqual([]);
    expect((await due('start=2031-03-03&workdays=5')).statusCode).toBe(422);
  });

  it('imports a year, audited, and due dates in it work at once and after a restart', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: admin.write,
      payload: year2031,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ year: 2031, holidays: 4, workdays: 1, replaced: false });
    // 2031-09-26 is a Friday: Sat 27 rests, Sun 28 is a make-up day, 10-01..03 are holidays.
    expect((await due('start=2031-09-26&workdays=1')).json()).toEqual({ due: '2031-09-28' });
    expect((await due('start=2031-09-26&workdays=4')).json()).toEqual({ due: '2031-10-06' });

    const days = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2031' });
    expect(days.json()).toMatchObject({ year: 2031, origin: 'imported', source: year2031.source });
    expect(days.json().days).toHaveLength(5);

    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'actor_name'])
      .where('action', '=', 'calendar.year.import')
      .execute();
    expect(events).toEqual([{ action: 'calendar.year.import', target_id: '2031', actor_name: 'admin' }]);

    const reloaded = await loadCalendar(t.database.db);
    expect(reloaded.addWorkdays('2031-09-26', 4)).toBe('2031-10-06');
  });

  it('replaces a year on a second import', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: admin.write,
      payload: { ...year2031, workdays: [] },
    });
    expect(response.json()).toMatchObject({ replaced: true, workdays: 0 });
    expect((await due('start=2031-09-26&workdays=1')).json()).toEqual({ due: '2031-09-29' });
  });
});

describe('reading the calendar', () => {
  it('lists the holidays and make-up days of a year from the package', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2026' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.origin).toBe('package');
    const makeUp = body.days
      .filter((d: { workday: boolean }) => d.workday)
      .map((d: { date: string }) => d.date);
    expect(makeUp).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2040' })).statusCode).toBe(
      422,
    );
  });

  it('lists the known years', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years' });
    const years = response.json().items.map((y: { year: number }) => y.year);
    expect(years).toContain(2004);
    expect(years).toContain(2031);
  });
});
