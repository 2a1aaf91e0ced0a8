import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { verifyChain, type VerifyResult } from './verify.ts';

class Rollback extends Error {}

/**
 * For tests of the chain: tampers inside a transaction as a superuser would (guard trigger off),
 * verifies with small batches (so that breaks fall across batch edges), and rolls everything back.
 */
export async function verifyTampered(
  db: Kysely<DB>,
  tamper: (trx: Kysely<DB>) => Promise<void>,
  batchSize = 7,
): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await tamper(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
      result = await verifyChain(trx, { batchSize });
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}
