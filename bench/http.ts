import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { API_KEY_PREFIX } from '../server/src/platform/auth/authenticator.ts';
import { randomToken, tokenDigest } from '../server/src/platform/auth/secrets.ts';
import { createDepartment, createRegion } from '../server/src/test/factories.ts';
import type { Config } from '../server/src/config.ts';
import { createTestApp } from '../server/src/test/test-app.ts';
import { throughput, type Measurement } from './common.ts';

const CONCURRENCY = 32;
const ROUND_MS = 2_000;
const ROUNDS = 3;

/** GET `path` on 127.0.0.1:`port` through `agent`, reading the whole body; rejects unless 200. */
export function get(
  agent: http.Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200
          ? resolve()
          : reject(new Error(`${path} answered ${response.statusCode}`)),
      );
    });
    request.on('error', reject);
  });
}

/**
 * The cost of the platform's request path: `GET /api/v1/auth/me` with a department API key (auth,
 * policy gate, request context, problem handlers, serialisation) vs. a bare Fastify hello-world,
 * both on 127.0.0.1 in this process, loaded alternately over keep-alive connections.
 */
export async function benchHttp(
  // The key's rate limit counts every request (its cost is part of the path) but never refuses one.
  config: Partial<Config> = { rateApiKeyPerWindow: 1_000_000_000 },
): Promise<Measurement[]> {
  const t = await createTestApp({ config });
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  try {
    const region = await createRegion(t.database.db, { name: '重庆市', code: '500000', level: 'city' });
    const department = await createDepartment(t.database.db, { regionId: region.id, name: '市公安局' });
    const token = `${API_KEY_PREFIX}${randomToken()}`;
    await t.database.db
      .insertInto('api_keys')
      .values({
        department_id: department.id,
        application: 'bench-app',
        token_prefix: token.slice(0, 12),
        token_hash: tokenDigest(token),
      })
      .execute();

    await t.app.listen({ host: '127.0.0.1', port: 0 });
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const appPort = (t.app.server.address() as AddressInfo).port;
    const barePort = (bare.server.address() as AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const auth = { authorization: `Bearer ${token}` };
    const hitApp = () => get(agent, appPort, '/api/v1/auth/me', auth);
    const hitBare = () => get(agent, barePort, '/hello', {});

    await throughput(CONCURRENCY, 500, hitApp);
    await throughput(CONCURRENCY, 500, hitBare);
    const rates = { app: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.bare.push((await throughput(CONCURRENCY, ROUND_MS, hitBare)).perSecond);
      rates.app.push((await throughput(CONCURRENCY, ROUND_MS, hitApp)).perSecond);
    }
    agent.destroy();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const app = mean(rates.app);
    const hello = mean(rates.bare);
    return [
      { name: 'bare Fastify hello-world', value: hello, unit: 'req/s' },
      { name: 'GET /api/v1/auth/me with API key', value: app, unit: 'req/s' },
      {
        name: 'authenticated route / hello-world',
        value: app / hello,
        unit: 'ratio',
        goal: { min: 0.6 },
        note: `${CONCURRENCY} keep-alive connections, ${ROUNDS}×${ROUND_MS} ms each`,
      },
    ];
  } finally {
    await bare.close();
    await t.close();
  }
}
