import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type AppOptions } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/database.ts';
import { generateSigningKey } from '../platform/crypto/signing.ts';
import type { AppInstance } from '../platform/http/types.ts';
import { openTestDatabase } from './test-database.ts';

/** A built app on its own fresh database; `close` tears both down. */
export interface TestApp {
  app: AppInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

let signingKeyFile: string | undefined;

/** One SM2 signing key file per test process, in the temporary directory (not the repository's ./data-keys). */
function testSigningKeyFile(): string {
  if (!signingKeyFile) {
    const file = path.join(os.tmpdir(), `zs-test-signing-${process.pid}.pem`);
    fs.writeFileSync(file, generateSigningKey('SM2-SM3').privateKeyPem, { mode: 0o600 });
    process.once('exit', () => fs.rmSync(file, { force: true }));
    signingKeyFile = file;
  }
  return signingKeyFile;
}

let testKeys: string | undefined;

/** One fresh data key per test process, as ZHENGSHU_DATA_KEYS JSON: tests never write a key file. */
function testDataKeys(): string {
  if (testKeys) return testKeys;
  const ring = Keyring.inMemory('sm');
  const key = ring.activeKey();
  testKeys = JSON.stringify({
    format: 'zhengshu-keyring/1',
    active: key.id,
    keys: [
      { id: key.id, algorithm: key.algorithm, key: key.material.toString('base64'), created: key.created },
    ],
  });
  return testKeys;
}

/** Configuration for tests: the documented defaults, with overrides (keys in memory, not on disk). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), dataKeys: testDataKeys(), signingKeyFile: testSigningKeyFile(), ...overrides };
}

/** Builds the app as `main.ts` does, on a fresh test database, without the web UI. */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    authCacheMs?: number;
    keyring?: Keyring;
    onRouteRegistered?: AppOptions['onRouteRegistered'];
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(options.config);
  // A rotatable in-memory keyring, unless the test brings its own (e.g. a key file in a temporary dir).
  const keyring = options.keyring ?? Keyring.inMemory(config.cryptoSuite);
  const app = await buildApp({
    database,
    config,
    keyring,
    authCacheMs: options.authCacheMs,
    onRouteRegistered: options.onRouteRegistered,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
