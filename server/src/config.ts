import path from 'node:path';

/** Runtime settings read from the environment once at start-up (see the README's configuration table). */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for a real server; undefined means embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  profileId: string;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  /** Whether session cookies carry the Secure flag (set when served behind TLS). */
  secureCookies: boolean;
  sessionHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  /** Largest data file a pool load accepts (streamed to a temporary file, never held in memory). */
  poolUploadLimitBytes: number;
  /** Largest unpacked size of an XLSX a pool load reads (a zip bomb stops at it). */
  poolXlsxUnpackedLimitBytes: number;
  /** Largest JSON body of a push of rows into a pool. */
  poolPushLimitBytes: number;
  logLevel: string;
  /** Secret of keyed SM3 pseudonyms (masking); unset: a random one the database made at migration. */
  maskingSecret: string | undefined;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Reads the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.ZHENGSHU_DATA_DIR ?? './data'),
    profileId: env.ZHENGSHU_PROFILE ?? 'cq19',
    adminPassword: env.ZHENGSHU_ADMIN_PASSWORD || undefined,
    demoPassword: env.ZHENGSHU_DEMO_PASSWORD || undefined,
    secureCookies: env.ZHENGSHU_SECURE_COOKIES === 'true',
    sessionHours: intFromEnv(env, 'ZHENGSHU_SESSION_HOURS', 12),
    loginMaxFailures: intFromEnv(env, 'ZHENGSHU_LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: intFromEnv(env, 'ZHENGSHU_LOGIN_LOCK_MINUTES', 15),
    bodyLimitBytes: intFromEnv(env, 'ZHENGSHU_BODY_LIMIT_BYTES', 1024 * 1024),
    poolUploadLimitBytes: intFromEnv(env, 'ZHENGSHU_POOL_UPLOAD_LIMIT_MB', 10 * 1024) * 1024 * 1024,
    poolXlsxUnpackedLimitBytes: intFromEnv(env, 'ZHENGSHU_POOL_XLSX_UNPACKED_LIMIT_MB', 4096) * 1024 * 1024,
    poolPushLimitBytes: intFromEnv(env, 'ZHENGSHU_POOL_PUSH_LIMIT_MB', 16) * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'info',
    maskingSecret: env.ZHENGSHU_MASKING_SECRET || undefined,
  };
}
