// Batches whose process died (killed, crashed, restarted) mid-load: their transaction rolled back
// with the connection, so the data is as it was; only the batch row still says it is running. The
// sweep marks such batches failed, with an audit event, so the console shows what happened.
import type { Kysely } from 'kysely';
import { recordAuditMany } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { systemContext } from '../../platform/policy/actor.ts';
import { failAbandonedBatches } from './batches.repository.ts';

/** A running batch on PostgreSQL beats at least every few seconds while it reads; this is silence. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** Marks batches that stopped beating before `staleBefore` as failed (interrupted). */
export async function sweepAbandonedBatches(db: Kysely<DB>, staleBefore: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await failAbandonedBatches(trx, staleBefore);
    await recordAuditMany(
      trx,
      systemContext('batch-sweep'),
      rows.map((row) => ({
        action: 'pool.batch.interrupted',
        outcome: 'failure' as const,
        targetType: 'pool_batch',
        targetId: row.id,
        departmentId: row.department_id,
        detail: { resourceId: row.resource_id },
      })),
    );
    return rows.length;
  });
}

/**
 * Starts the sweep (from `main.ts`). PGlite belongs to this one process (its data directory is
 * locked), so at start every running batch is a dead one; on PostgreSQL other instances may be
 * loading, so only batches silent for `ABANDONED_AFTER_MS` are swept, now and every few minutes.
 */
export function startBatchSweep(database: Database, log: { error(obj: object, msg: string): void }) {
  const sweep = (staleBefore: Date) =>
    sweepAbandonedBatches(database.db, staleBefore).catch((err: unknown) =>
      log.error({ err }, 'batch sweep failed'),
    );
  void sweep(database.engine === 'pglite' ? new Date() : new Date(Date.now() - ABANDONED_AFTER_MS));
  const timer = setInterval(() => void sweep(new Date(Date.now() - ABANDONED_AFTER_MS)), 5 * 60_000);
  return () => clearInterval(timer);
}
