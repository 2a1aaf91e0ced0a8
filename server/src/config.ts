import path from 'node:path';
import { isSuiteId, type SuiteId } from './platform/crypto/suite.ts';

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
  /** Whether the platform is served over HTTPS: session cookies are Secure and HSTS is sent. */
  secureCookies: boolean;
  /** Strict-Transport-Security max-age sent when `secureCookies` is on (0: no header). */
  hstsMaxAgeSeconds: number;
  /** Whose X-Forwarded-For is believed (Fastify's trustProxy): every peer, none, or these addresses/ranges. */
  trustProxy: boolean | string[];
  /** Absolute lifetime of a session. */
  sessionHours: number;
  /** A session unused this long ends (0: no idle limit). */
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Window in which sign-in failures are counted per IP and per name. */
  loginFailureWindowMinutes: number;
  /** Failed sign-ins one IP may make in the window, over every name (password spraying). */
  loginFailuresPerIp: number;
  /** Failed sign-ins for one name in the window, known user or not (0: no limit). */
  loginFailuresPerName: number;
  /** Length of the general rate limit's fixed window. */
  rateWindowSeconds: number;
  /** Requests per window of one IP without a valid session or key (0: no limit). */
  rateAnonymousPerIp: number;
  /** Requests per window of one signed-in user, over all their sessions (0: no limit). */
  rateUserPerWindow: number;
  /** Requests per window of one API key (0: no limit). */
  rateApiKeyPerWindow: number;
  bodyLimitBytes: number;
  /** Largest data file a pool load accepts (streamed to a temporary file, never held in memory). */
  poolUploadLimitBytes: number;
  /** Largest unpacked size of an XLSX a pool load reads (a zip bomb stops at it). */
  poolXlsxUnpackedLimitBytes: number;
  /** Largest JSON body of a push of rows into a pool. */
  poolPushLimitBytes: number;
  logLevel: string;
  /** ZHENGSHU_CRYPTO_SUITE: `sm` (SM4/SM3, the default) or `intl` (AES-256-GCM/SHA-256). */
  cryptoSuite: SuiteId;
  /** ZHENGSHU_KEY_FILE: the data-key file; when set it must exist. Unset: `<dataDir>/keys.json`, generated. */
  keyFile: string | undefined;
  /** ZHENGSHU_DATA_KEYS: the data keys as key-file JSON (read-only; wins over the key file). */
  dataKeys: string | undefined;
  /** The private signing key's file (PEM or JSON); unset: a development key beside the data directory. */
  signingKeyFile: string | undefined;
  /** Secret of keyed SM3 pseudonyms (masking); unset: a random one the database made at migration. */
  maskingSecret: string | undefined;
  /** Requests per window of one public user's personal API key (0: no limit). */
  ratePersonalKeyPerWindow: number;
  /** Registrations one IP may attempt per hour on the open portal (0: no limit). */
  registrationsPerIpHour: number;
  /** Active personal API keys one public user may hold at once. */
  personalKeysPerUser: number;
  /** Objections (异议, CQO §41) one public user may file per day (0: no limit). */
  objectionsPerUserDay: number;
  /** Evidence files one objection may carry, and the largest file in bytes. */
  objectionEvidenceMaxFiles: number;
  objectionEvidenceMaxBytes: number;
  /** Comments one public user may post per hour on the open portal (0: no limit). */
  commentsPerUserHour: number;
  /** Showcase entries one public user may submit per day (0: no limit). */
  showcasePerUserDay: number;
  /** The largest CSV file an organisation may publish on the portal, in bytes. */
  contributionMaxBytes: number;
  /** ZHENGSHU_IDENTITY_VERIFY_URL: an HTTP identity (real-name) service; unset: check digits only. */
  identityVerifyUrl: string | undefined;
  /** ZHENGSHU_IDENTITY_VERIFY_TOKEN: sent to that service as `Authorization: Bearer …`, when set. */
  identityVerifyToken: string | undefined;
  /** How long a registration waits for the identity service before answering 503. */
  identityVerifyTimeoutMs: number;
}

function suiteFromEnv(env: NodeJS.ProcessEnv): SuiteId {
  const raw = env.ZHENGSHU_CRYPTO_SUITE || 'sm';
  if (!isSuiteId(raw)) throw new Error(`ZHENGSHU_CRYPTO_SUITE must be "sm" or "intl", got "${raw}"`);
  return raw;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** An http(s) URL from the environment, or undefined when unset; anything else stops the start. */
function urlFromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return url.toString();
}

// proxy-addr's names for the loopback and private ranges: a proxy in the same host or network.
const DEFAULT_TRUSTED_PROXIES = 'loopback,linklocal,uniquelocal';

function trustProxyFromEnv(raw: string | undefined): boolean | string[] {
  const value = (raw ?? DEFAULT_TRUSTED_PROXIES).trim();
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
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
    hstsMaxAgeSeconds: intFromEnv(env, 'ZHENGSHU_HSTS_MAX_AGE', 31_536_000),
    trustProxy: trustProxyFromEnv(env.ZHENGSHU_TRUST_PROXY),
    sessionHours: intFromEnv(env, 'ZHENGSHU_SESSION_HOURS', 12),
    sessionIdleMinutes: intFromEnv(env, 'ZHENGSHU_SESSION_IDLE_MINUTES', 30),
    loginMaxFailures: intFromEnv(env, 'ZHENGSHU_LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: intFromEnv(env, 'ZHENGSHU_LOGIN_LOCK_MINUTES', 15),
    loginFailureWindowMinutes: intFromEnv(env, 'ZHENGSHU_LOGIN_FAILURE_WINDOW_MINUTES', 15) || 15,
    loginFailuresPerIp: intFromEnv(env, 'ZHENGSHU_LOGIN_FAILURES_PER_IP', 30),
    loginFailuresPerName: intFromEnv(env, 'ZHENGSHU_LOGIN_FAILURES_PER_NAME', 10),
    rateWindowSeconds: intFromEnv(env, 'ZHENGSHU_RATE_WINDOW_SECONDS', 60) || 60,
    rateAnonymousPerIp: intFromEnv(env, 'ZHENGSHU_RATE_ANONYMOUS_PER_IP', 600),
    rateUserPerWindow: intFromEnv(env, 'ZHENGSHU_RATE_USER', 1200),
    rateApiKeyPerWindow: intFromEnv(env, 'ZHENGSHU_RATE_API_KEY', 6000),
    bodyLimitBytes: intFromEnv(env, 'ZHENGSHU_BODY_LIMIT_BYTES', 1024 * 1024),
    poolUploadLimitBytes: intFromEnv(env, 'ZHENGSHU_POOL_UPLOAD_LIMIT_MB', 10 * 1024) * 1024 * 1024,
    poolXlsxUnpackedLimitBytes: intFromEnv(env, 'ZHENGSHU_POOL_XLSX_UNPACKED_LIMIT_MB', 4096) * 1024 * 1024,
    poolPushLimitBytes: intFromEnv(env, 'ZHENGSHU_POOL_PUSH_LIMIT_MB', 16) * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'info',
    cryptoSuite: suiteFromEnv(env),
    keyFile: env.ZHENGSHU_KEY_FILE ? path.resolve(env.ZHENGSHU_KEY_FILE) : undefined,
    dataKeys: env.ZHENGSHU_DATA_KEYS || undefined,
    signingKeyFile: env.ZHENGSHU_SIGNING_KEY_FILE ? path.resolve(env.ZHENGSHU_SIGNING_KEY_FILE) : undefined,
    maskingSecret: env.ZHENGSHU_MASKING_SECRET || undefined,
    ratePersonalKeyPerWindow: intFromEnv(env, 'ZHENGSHU_RATE_PERSONAL_KEY', 600),
    registrationsPerIpHour: intFromEnv(env, 'ZHENGSHU_REGISTRATIONS_PER_IP', 10),
    personalKeysPerUser: intFromEnv(env, 'ZHENGSHU_PERSONAL_KEYS_PER_USER', 5),
    objectionsPerUserDay: intFromEnv(env, 'ZHENGSHU_OBJECTIONS_PER_USER_DAY', 10),
    commentsPerUserHour: intFromEnv(env, 'ZHENGSHU_COMMENTS_PER_USER_HOUR', 10),
    showcasePerUserDay: intFromEnv(env, 'ZHENGSHU_SHOWCASE_PER_USER_DAY', 5),
    contributionMaxBytes:
      intFromEnv(env, 'ZHENGSHU_CONTRIBUTION_BYTES', 20 * 1024 * 1024) || 20 * 1024 * 1024,
    objectionEvidenceMaxFiles: intFromEnv(env, 'ZHENGSHU_OBJECTION_EVIDENCE_FILES', 5) || 5,
    objectionEvidenceMaxBytes:
      intFromEnv(env, 'ZHENGSHU_OBJECTION_EVIDENCE_BYTES', 10 * 1024 * 1024) || 10 * 1024 * 1024,
    identityVerifyUrl: urlFromEnv(env, 'ZHENGSHU_IDENTITY_VERIFY_URL'),
    identityVerifyToken: env.ZHENGSHU_IDENTITY_VERIFY_TOKEN || undefined,
    identityVerifyTimeoutMs: intFromEnv(env, 'ZHENGSHU_IDENTITY_VERIFY_TIMEOUT_MS', 5000) || 5000,
  };
}
