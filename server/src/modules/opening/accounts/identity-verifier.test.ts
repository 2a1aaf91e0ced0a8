import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { naturalRegistration, organisationRegistration } from './accounts.fixtures.ts';
import { httpVerifier } from './identity-verifier.ts';

// A stand-in for a real-name service, started by the test: it answers as `mode` says and keeps
// what it was asked.
type Mode = 'yes' | 'no' | 'hang' | 'error' | 'garbage';
let mode: Mode = 'yes';
const received: { body: unknown; authorization: string | undefined }[] = [];
const server = http.createServer((request, response) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  request.on('end', () => {
    received.push({ body: JSON.parse(text), authorization: request.headers.authorization });
    if (mode === 'hang') return; // never answers; the verifier's timeout ends the wait
    if (mode === 'error') return void response.writeHead(500).end('{"error":"boom"}');
    if (mode === 'garbage')
      return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ verified: mode === 'yes' }));
  });
});

let t: TestApp;
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`;
  t = await createTestApp({
    config: {
      registrationsPerIpHour: 1000,
      identityVerifyUrl: url,
      identityVerifyToken: 'service-token',
      identityVerifyTimeoutMs: 300,
    },
  });
});
afterAll(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  mode = 'yes';
  received.length = 0;
});

const register = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/open/accounts', payload });
const usersNamed = (username: string) =>
  t.database.db.selectFrom('users').select('id').where('username', '=', username).execute();

describe('the HTTP identity verifier', () => {
  it('asks the service with kind, number and name, and records the method', async () => {
    const body = naturalRegistration();
    const response = await register(body);
    expect(response.statusCode).toBe(201);
    expect(response.json().identity).toMatchObject({ verified: true, method: 'http' });
    expect(received).toEqual([
      {
        body: { kind: 'natural', number: body.citizenId, name: '张三' },
        authorization: 'Bearer service-token',
      },
    ]);
    const org = organisationRegistration();
    expect((await register(org)).statusCode).toBe(201);
    expect(received[1]!.body).toEqual({ kind: 'organisation', number: org.creditCode, name: org.orgName });
  });

  it('creates no account when the service says no, and audits the refusal', async () => {
    mode = 'no';
    const body = naturalRegistration();
    const response = await register(body);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'open.account.identity_not_verified' });
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/citizenId',
      '/body/realName',
    ]);
    expect(await usersNamed(body.username)).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_name', '=', body.username)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'failure', detail: { reason: 'identity_not_verified' } });
    expect(JSON.stringify(audit)).not.toContain(body.citizenId);
  });

  it('answers 503 when the service does not answer in time, 502 when its answer is wrong', async () => {
    mode = 'hang';
    const slow = naturalRegistration();
    const started = Date.now();
    const timedOut = await register(slow);
    expect(timedOut.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(timedOut.json()).toMatchObject({ code: 'open.account.identity_service_unavailable' });
    expect(timedOut.json().detail).toBe('实名认证服务暂时不可用，请稍后重试');
    expect(await usersNamed(slow.username)).toEqual([]);

    for (const wrong of ['error', 'garbage'] as const) {
      mode = wrong;
      const response = await register(naturalRegistration());
      expect(response.statusCode, wrong).toBe(502);
      expect(response.json().code).toBe('open.account.identity_service_bad_answer');
    }
  });

  it('is not asked about numbers that fail their check digit', async () => {
    const response = await register(naturalRegistration({ citizenId: '500103199001011230' }));
    expect(response.statusCode).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 503 when nothing listens at the address', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verifier = httpVerifier({ url: `http://127.0.0.1:${port}/verify`, timeoutMs: 1000 });
    const error = await verifier.verify({ kind: 'natural', number: 'x', name: 'y' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'open.account.identity_service_unavailable' });
  });
});
