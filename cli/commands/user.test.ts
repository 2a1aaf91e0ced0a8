import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite } from '../../server/src/platform/db/database.ts';
import { verifyPassword } from '../../server/src/platform/auth/secrets.ts';
import { run } from '../zhengshu.ts';

// The commands work on the configured database: a PGlite directory of this test's own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-cli-user-'));
const saved = {
  url: process.env.DATABASE_URL,
  data: process.env.ZHENGSHU_DATA_DIR,
  admin: process.env.ZHENGSHU_ADMIN_PASSWORD,
};

beforeAll(() => {
  delete process.env.DATABASE_URL;
  process.env.ZHENGSHU_DATA_DIR = path.join(dir, 'data');
  process.env.ZHENGSHU_ADMIN_PASSWORD = 'Cli-admin-2026';
});
afterAll(() => {
  for (const [key, value] of [
    ['DATABASE_URL', saved.url],
    ['ZHENGSHU_DATA_DIR', saved.data],
    ['ZHENGSHU_ADMIN_PASSWORD', saved.admin],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return {
    out: () => out.mock.calls.join('\n'),
    err: () => err.mock.calls.join('\n'),
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

describe('zhengshu seed and user create', () => {
  it('answers --help with exit 0 and an unknown command with exit 2', async () => {
    const io = capture();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run(['--help'])).toBe(0);
    expect(await run(['user', 'create', '--help'])).toBe(0);
    expect(await run(['no-such-command'])).toBe(2);
    write.mockRestore();
    writeErr.mockRestore();
    io.restore();
  });

  // Seeding publishes the demo catalog into a PGlite directory on disk: seconds on a quiet machine,
  // much longer on a busy one, hence the generous limit.
  it('seeds the demo once; a second seed exits 1 and changes nothing', { timeout: 180_000 }, async () => {
    const io = capture();
    expect(await run(['seed', '--demo'])).toBe(0);
    expect(io.out()).toContain('admin / Cli-admin-2026');
    expect(await run(['seed', '--demo'])).toBe(1);
    expect(io.err()).toContain('already has data');
    io.restore();
  });

  it('creates a department head by credit code and prints the generated password', async () => {
    const database = await openPglite(path.join(dir, 'data'));
    const police = await database.db
      .selectFrom('departments')
      .select('credit_code')
      .where('name', '=', '重庆市公安局')
      .executeTakeFirstOrThrow();
    await database.close();

    const io = capture();
    const code = await run([
      'user',
      'create',
      '--username',
      'new.head',
      '--name',
      '新局长',
      '--role',
      'department_head',
      '--department',
      police.credit_code,
    ]);
    expect(code).toBe(0);
    const password = /password: (\S+)/.exec(io.out())?.[1];
    io.restore();
    expect(password).toBeDefined();

    const check = await openPglite(path.join(dir, 'data'));
    try {
      const user = await check.db
        .selectFrom('users')
        .select(['role', 'password_hash'])
        .where('username', '=', 'new.head')
        .executeTakeFirstOrThrow();
      expect(user.role).toBe('department_head');
      expect(await verifyPassword(user.password_hash, password!)).toBe(true);
      const audit = await check.db
        .selectFrom('audit_events')
        .select(['actor_type', 'actor_name'])
        .where('action', '=', 'org.user.create')
        .execute();
      expect(audit).toEqual([{ actor_type: 'system', actor_name: 'cli' }]);
    } finally {
      await check.close();
    }
  });

  it('refuses bad input with exit 2 and a message in both languages', async () => {
    const io = capture();
    expect(await run(['user', 'create', '--username', 'x.y', '--name', 'x', '--role', 'wizard'])).toBe(2);
    expect(io.err()).toContain('unknown role');
    expect(
      await run(['user', 'create', '--username', 'x.y', '--name', 'x', '--role', 'department_officer']),
    ).toBe(2);
    expect(io.err()).toContain('该角色必须指定所属部门');
    expect(io.err()).toContain('This role needs a department');
    expect(
      await run([
        'user',
        'create',
        '--username',
        'x.y',
        '--name',
        'x',
        '--role',
        'auditor',
        '--region',
        '999999',
      ]),
    ).toBe(2);
    expect(io.err()).toContain('no region with code 999999');
    io.restore();
  });
});
