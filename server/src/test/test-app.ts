import { buildApp, type AppOptions } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import type { AppInstance } from '../platform/http/types.ts';
import { openTestDatabase } from './test-database.ts';

/** A built app on its own fresh database; `close` tears both down. */
export interface TestApp {
  app: AppInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** Configuration for tests: the documented defaults, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}

/** Builds the app as `main.ts` does, on a fresh test database, without the web UI. */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    authCacheMs?: number;
    onRouteRegistered?: AppOptions['onRouteRegistered'];
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(options.config);
  const app = await buildApp({
    database,
    config,
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
