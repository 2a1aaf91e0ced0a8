import type { Command } from 'commander';
import { hashOfSuite } from '../../server/src/platform/crypto/suite.ts';
import { runOnce } from '../../server/src/platform/audit/sequencer.ts';
import { describeAlgorithms, verifyChain } from '../../server/src/platform/audit/verify.ts';
import { CliError, EXIT, withDatabase } from '../context.ts';

/** `zhengshu audit …`: checks on the audit trail. */
export function registerAudit(program: Command) {
  const audit = program.command('audit').description('audit trail commands (审计日志)');
  audit
    .command('verify')
    .description(
      'check the hash chain of the audit trail (SM3 / SHA-256, as each link records); exit 0 when intact, 1 naming the first broken event',
    )
    .option(
      '--sequence-first',
      'chain the events still waiting for the sequencer before checking (for cron), with the hash of ZHENGSHU_CRYPTO_SUITE',
    )
    .action(async (options: { sequenceFirst?: boolean }) => {
      await withDatabase(async (database, config) => {
        if (options.sequenceFirst) {
          const hashAlgorithm = hashOfSuite(config.cryptoSuite);
          const chained = await runOnce(database.db, { hashAlgorithm });
          console.log(`sequenced ${chained} event(s) with ${hashAlgorithm}`);
        }
        const started = performance.now();
        const result = await verifyChain(database.db);
        const seconds = (performance.now() - started) / 1000;
        if (!result.ok) {
          const broken = result.firstBroken!;
          throw new CliError(
            `audit chain BROKEN at seq ${broken.seq} (event id ${broken.id ?? 'missing'}): ${broken.reason}: ` +
              `${broken.message}; ${result.checked} event(s) before it are intact`,
            EXIT.failed,
          );
        }
        const algorithms = describeAlgorithms(result.algorithms);
        console.log(
          `audit chain intact: ${result.checked} event(s) checked in ${seconds.toFixed(2)} s` +
            (algorithms ? ` (${algorithms})` : '') +
            (result.unsequenced ? `; ${result.unsequenced} event(s) not yet sequenced` : ''),
        );
      });
    });
}
