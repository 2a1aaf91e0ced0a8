// Secrets never reach the log: a sign-in, a password change and API-key calls are logged at the
// most verbose level, and neither the password, the cookie, the CSRF token nor the key appears.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createWorld, login } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { testConfig } from '../../test/test-app.ts';
import type { Database } from '../db/database.ts';
import type { AppInstance } from './types.ts';
import { loggerOptions } from './logging.ts';

let database: Database;
let app: AppInstance;
let world: Awaited<ReturnType<typeof createWorld>>;
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = await buildApp({ database, config: testConfig(), logger: loggerOptions('trace', sink) });
  await app.ready();
  world = await createWorld(database.db);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('log redaction', () => {
  it('logs requests without passwords, cookies, CSRF tokens or API keys', async () => {
    const password = world.users.policeOfficer.password;
    const session = await login(app, 'police.officer', password);
    const newPassword = 'Log-Secret-2026!';
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.write,
      payload: { currentPassword: password, newPassword },
    });
    expect(changed.statusCode).toBe(204);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: session.write,
      payload: { application: '日志测试' },
    });
    const key = created.json().key as string;
    expect(
      (await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } })).statusCode,
    ).toBe(200);
    await app.inject({ url: '/api/v1/auth/me', headers: { 'x-api-key': key } });
    // Code that logs a request's headers or a body with a password gets them censored too.
    app.log.info({ req: { headers: { authorization: `Bearer ${key}`, cookie: session.cookie } } }, 'headers');
    app.log.info({ body: { password: newPassword }, headers: { 'x-csrf-token': session.csrfToken } }, 'body');

    const output = lines.join('');
    expect(output).toContain('incoming request');
    expect(output).toContain('[redacted]');
    const cookieToken = session.cookie.split('=')[1]!;
    for (const secret of [password, newPassword, cookieToken, session.csrfToken, key, key.slice(4)]) {
      expect(output).not.toContain(secret);
    }
  });
});
