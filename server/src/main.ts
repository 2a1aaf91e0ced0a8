import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { deleteExpiredSessions } from './platform/auth/auth.repository.ts';
import { openKeyring } from './platform/crypto/keyring.ts';
import { openDatabase } from './platform/db/database.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { loadProfile } from './platform/profiles/profiles.ts';
import { hashOfSuite } from './platform/crypto/suite.ts';
import { startSequencer } from './platform/audit/sequencer.ts';
import { startDeadlineSweep } from './platform/cases/sweep.ts';
import { startBatchSweep } from './modules/pools/batches.sweep.ts';
import { startPullScheduler } from './modules/pools/pulls/pull-sweep.ts';
import { startRotationSweep } from './modules/security/encryption/rotation-sweep.ts';
import { startShareMonitor } from './modules/sharing/monitoring/monitoring.sweep.ts';
import { seedDemoIfEmpty, type SeedCredentials } from './modules/seed/seed.service.ts';

const ROLE_NAMES: Record<string, string> = {
  authority_officer: '数据主管部门工作人员',
  department_officer: '部门数据专员',
  department_head: '部门主要负责人',
  security_officer: '安全保密管理员',
  auditor: '审计员',
  expert: '专家委员会成员',
};

function printCredentials(credentials: SeedCredentials) {
  const lines = [
    '已写入演示数据 (demo data seeded). Sign in with:',
    `  admin / ${credentials.admin.password}   平台管理员 (platform admin)`,
    ...credentials.demoUsers.map(
      (user) =>
        `  ${user.username.padEnd(18)} / ${credentials.demoPassword}   ${ROLE_NAMES[user.role] ?? user.role}`,
    ),
    'These passwords are shown once; set ZHENGSHU_ADMIN_PASSWORD / ZHENGSHU_DEMO_PASSWORD on a fresh database to choose them.',
  ];
  console.log(lines.join('\n'));
}

/** Starts the platform: configuration → database → migrations → demo seed → HTTP server. */
async function main() {
  const config = loadConfig();
  // Keys first: a missing or malformed key file stops the start before the database is touched.
  const keyring = openKeyring(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const credentials = await seedDemoIfEmpty(
    database,
    { admin: config.adminPassword, demo: config.demoPassword },
    loadProfile(config.profileId),
  );

  const app = await buildApp({
    database,
    config,
    keyring,
    serveWeb: true,
    logger: loggerOptions(config.logLevel),
  });
  const timers = [
    setInterval(() => void deleteExpiredSessions(database.db).catch(() => undefined), 3_600_000),
  ];
  // Background jobs; each is safe to run on several instances (advisory locks) and returns a stop.
  const sequencer = startSequencer(database.db, 200, {
    hashAlgorithm: hashOfSuite(config.cryptoSuite),
    onError: (err) => app.log.error({ err }, 'audit sequencer failed'),
  });
  const sweep = startDeadlineSweep(app.platform, { log: app.log });
  const stopBatchSweep = startBatchSweep(database, app.log);
  const pulls = startPullScheduler(app.platform, { log: app.log });
  const stopRotation = startRotationSweep(database.db, keyring, { log: app.log });
  // Use monitoring reads the chained audit events afterwards: the sharing API only writes its event.
  const shareMonitor = startShareMonitor(app.platform, { log: app.log });
  const stops: (() => Promise<void> | void)[] = [
    stopRotation,
    sequencer,
    () => sweep.stop(),
    stopBatchSweep,
    () => pulls.stop(),
    () => shareMonitor.stop(),
  ];

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    timers.forEach(clearInterval);
    await Promise.all(stops.map((stop) => stop()));
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`\n政数 Zhengshu is running at http://localhost:${config.port}  (database: ${where})`);
  console.log(`API docs: http://localhost:${config.port}/api/docs`);
  if (credentials) printCredentials(credentials);
  else console.log('Existing data kept; demo passwords were printed when the database was first seeded.');
}

main().catch((error: unknown) => {
  console.error(`Zhengshu could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
