import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite } from '../../server/src/platform/db/database.ts';
import { loadCalendar } from '../../server/src/platform/calendar/calendar.service.ts';
import { run } from '../zhengshu.ts';

// The command works on the configured database; here a PGlite directory of its own on either engine
// run (the import service itself is tested on both engines through the API).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-cli-calendar-'));
const saved = { url: process.env.DATABASE_URL, data: process.env.ZHENGSHU_DATA_DIR };
const example = path.resolve(import.meta.dirname, '../../profiles/calendar-example.json');

beforeAll(() => {
  delete process.env.DATABASE_URL;
  process.env.ZHENGSHU_DATA_DIR = path.join(dir, 'data');
});
afterAll(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.data !== undefined) process.env.ZHENGSHU_DATA_DIR = saved.data;
  else delete process.env.ZHENGSHU_DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('zhengshu calendar import', () => {
  it('refuses a wrong file with exit code 2 naming the entry, and writes nothing', async () => {
    const bad = JSON.parse(fs.readFileSync(example, 'utf8'));
    bad.holidays.push({ date: '2031-02-30', name: '不存在' });
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run(['calendar', 'import', file])).toBe(2);
    expect(errors.mock.calls.join('\n')).toContain(`/holidays/${bad.holidays.length - 1}/date`);
    expect(await run(['calendar', 'import', path.join(dir, 'missing.json')])).toBe(2);
    fs.writeFileSync(file, JSON.stringify({ year: 2031 }));
    expect(await run(['calendar', 'import', file])).toBe(2);
    expect(errors.mock.calls.join('\n')).toContain('holidays');
    errors.mockRestore();
  });

  it('imports the example year, audited as the CLI', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await run(['calendar', 'import', example])).toBe(0);
    expect(log.mock.calls.join('\n')).toContain('imported 2031: 16 holidays, 4 make-up working days');
    log.mockRestore();

    const database = await openPglite(path.join(dir, 'data'));
    try {
      const calendar = await loadCalendar(database.db);
      expect(calendar.isWorkday('2031-10-11')).toBe(true);
      expect(calendar.addWorkdays('2031-09-30', 1)).toBe('2031-10-08');
      const events = await database.db
        .selectFrom('audit_events')
        .select(['actor_type', 'actor_name', 'target_id'])
        .where('action', '=', 'calendar.year.import')
        .execute();
      expect(events).toEqual([{ actor_type: 'system', actor_name: 'cli', target_id: '2031' }]);
    } finally {
      await database.close();
    }
  });
});
