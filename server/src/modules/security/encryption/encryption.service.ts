// Column encryption at rest: turning it on for an item (one audited transaction that seals every
// stored value), the status for the console, and key rotation (a new active key now; the sweep
// re-seals old values in small batches while reads go on with both keys in the keyring).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { tryAdvisoryLock } from '../../../platform/cases/cases.repository.ts';
import { KeyringError, type Keyring } from '../../../platform/crypto/keyring.ts';
import { open, seal } from '../../../platform/crypto/seal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict } from '../../../platform/errors/app-error.ts';
import { systemContext, type RequestContext } from '../../../platform/policy/actor.ts';
import { inDepartmentScope } from '../../../platform/policy/policy.ts';
import { findPoolTable, updatePoolTable } from '../../pools/pool-tables.repository.ts';
import { requireOwnPool } from '../../pools/pools.service.ts';
import { columnAad } from './column-seal.ts';
import {
  addSealedColumn,
  columnsToRotate,
  countNotUnder,
  findEncryptedColumn,
  findItem,
  insertEncryptedColumn,
  keyIdsInUse,
  listEncryptedColumns,
  plainValues,
  replaceWithSealed,
  updateEncryptedColumn,
  valuesNotUnder,
  writeSealed,
  type EncryptedColumnRow,
} from './encryption.repository.ts';
import '../masking/masking.messages.ts';
import './encryption.messages.ts';

/** Values sealed per statement when a column is converted. */
const CONVERT_BATCH = 2_000;
/** Values re-sealed per short transaction of the rotation sweep (small: a load never waits long). */
export const ROTATE_BATCH = 500;
// Advisory lock key of the rotation sweep ("zskr"), unique among the platform's locks.
const ROTATE_LOCK = 0x7a73_6b72;

/**
 * A refusal of the choice in the form, naming the body field it is about (`/body/resourceId`,
 * `/body/field`) so that the console shows it beside that field.
 */
function refusal(status: number, code: string, params: Record<string, unknown>, field: string) {
  return new AppError(status, code, params, [{ path: `/body/${field}`, code, params }]);
}

/** The sensitivities whose items may be encrypted at rest. */
const ENCRYPTABLE = new Set(['sensitive', 'personal']);

/**
 * Turns on encryption at rest for an item of a resource's pool table: every stored value (every
 * version) is sealed in one transaction with the table locked, so no load sees half a column.
 */
export async function encryptColumn(
  db: Kysely<DB>,
  keyring: Keyring,
  context: RequestContext,
  input: { resourceId: string; field: string },
) {
  return db.transaction().execute(async (trx) => {
    const table = await findPoolTable(trx, input.resourceId, true);
    if (!table) throw refusal(404, 'resource.not_found', { what: 'what.pool_table' }, 'resourceId');
    requireOwnPool(context.actor!, table);
    if (table.pending_changes.length > 0)
      throw refusal(409, 'security.encryption.migration_pending', {}, 'resourceId');
    const column = table.columns.find((c) => c.field === input.field && !c.retired);
    if (!column) throw refusal(404, 'security.encryption.item_not_found', { field: input.field }, 'field');
    const named = { field: column.name };
    if (column.encrypted) throw refusal(409, 'security.encryption.already_encrypted', named, 'field');
    if (column.isKey) throw refusal(409, 'security.encryption.key_item', named, 'field');
    if (column.dataType !== 'C')
      throw refusal(
        409,
        'security.encryption.not_character',
        { ...named, dataType: `masking.type.${column.dataType}` },
        'field',
      );
    const item = await findItem(trx, table.revision_id, column.field);
    if (!item || !ENCRYPTABLE.has(item.sensitivity))
      throw refusal(
        409,
        'security.encryption.not_sensitive',
        { ...named, sensitivity: `security.encryption.sensitivity.${item?.sensitivity ?? 'general'}` },
        'field',
      );
    keyring.refresh();
    const key = keyring.activeKey();
    const aad = columnAad(table.resource_id, column.field);
    await addSealedColumn(trx, table);
    let after = 0;
    let sealedRows = 0;
    for (;;) {
      const batch = await plainValues(trx, table, column.column, after, CONVERT_BATCH);
      if (batch.length === 0) break;
      const sealed = batch.map(({ row, value }) => ({
        row,
        sealed: seal(keyring, Buffer.from(value, 'utf8'), aad),
      }));
      await writeSealed(trx, table, null, sealed);
      sealedRows += batch.length;
      after = batch[batch.length - 1]!.row;
    }
    await replaceWithSealed(trx, table, column.column);
    await updatePoolTable(trx, table.resource_id, {
      columns: table.columns.map((c) => (c === column ? { ...c, encrypted: true } : c)),
    });
    const row = await insertEncryptedColumn(trx, {
      resource_id: table.resource_id,
      field: column.field,
      department_id: table.department_id,
      target_key_id: key.id,
      enabled_by: context.actor?.type === 'user' ? context.actor.id : null,
      rows: sealedRows,
    });
    await recordAudit(trx, context, {
      action: 'security.encryption.enable',
      targetType: 'pool_table',
      targetId: table.resource_id,
      departmentId: table.department_id,
      detail: { field: column.field, keyId: key.id, algorithm: key.algorithm, rows: sealedRows },
    });
    return row;
  });
}

/** The encrypted columns the actor may see, with the keys and the progress of a rotation. */
export async function encryptionStatus(db: Kysely<DB>, keyring: Keyring, context: RequestContext) {
  keyring.refresh();
  const actor = context.actor!;
  const columns = (await listEncryptedColumns(db)).filter((row) =>
    inDepartmentScope(actor, { id: row.department_id, regionId: row.region_id }),
  );
  await recordAudit(db, context, {
    action: 'security.encryption.read',
    targetType: 'security_encryption',
    targetId: null,
    departmentId: actor.departmentId ?? null,
    detail: { columns: columns.length },
  });
  const keys = keyring.list().map((key) => ({
    ...key,
    columns: columns.filter((c) => c.key_ids.includes(key.id) || c.target_key_id === key.id).length,
  }));
  return { source: keyring.source.kind, algorithm: keyring.algorithm, keys, columns };
}

/**
 * Rotation: a new active key (written to the key file first), then every encrypted column is marked
 * for re-sealing; the sweep does the work. Reads go on meanwhile, old keys staying in the keyring.
 */
export async function rotateKeys(db: Kysely<DB>, keyring: Keyring, context: RequestContext) {
  if (keyring.source.kind === 'env') throw conflict('security.keys.read_only');
  const previous = keyring.activeKey().id;
  let key;
  try {
    key = keyring.addKey();
  } catch (error) {
    if (error instanceof KeyringError) throw conflict('security.keys.read_only');
    throw error;
  }
  return db.transaction().execute(async (trx) => {
    const marked = await startRotations(trx, key.id);
    await recordAudit(trx, context, {
      action: 'security.keys.rotate',
      targetType: 'security_key',
      targetId: key.id,
      departmentId: null,
      detail: { keyId: key.id, previous, algorithm: key.algorithm, columns: marked },
    });
    return { keyId: key.id, previous, algorithm: key.algorithm, columns: marked };
  });
}

/** Marks every column not yet under `keyId` as rotating towards it, counting what is left to do. */
async function startRotations(trx: Kysely<DB>, keyId: string): Promise<number> {
  const rows = await columnsToRotate(trx, keyId);
  for (const row of rows) {
    const table = await findPoolTable(trx, row.resource_id);
    const column = table?.columns.find((c) => c.field === row.field);
    if (!table || !column) continue;
    await updateEncryptedColumn(trx, row.resource_id, row.field, {
      state: 'rotating',
      target_key_id: keyId,
      rows_total: await countNotUnder(trx, table, column.column, keyId),
      rows_done: 0,
      cursor_row: 0,
    });
  }
  return rows.length;
}

/** What one sweep step did. */
export interface RotationStep {
  ran: boolean;
  resealed: number;
  finished: { resourceId: string; field: string }[];
}

/**
 * One step of the rotation sweep: under an advisory lock (one instance at a time), re-seals up to
 * `batch` values of each rotating column in a short transaction and finishes columns that are done.
 */
export async function rotationStep(
  db: Kysely<DB>,
  keyring: Keyring,
  batch = ROTATE_BATCH,
): Promise<RotationStep> {
  keyring.refresh();
  const active = keyring.activeKey().id;
  const context = systemContext('key-rotation');
  return db.transaction().execute(async (trx) => {
    if (!(await tryAdvisoryLock(trx, ROTATE_LOCK))) return { ran: false, resealed: 0, finished: [] };
    // A key made active outside the platform (key file edited, another instance) starts a rotation too.
    const stale = (await columnsToRotate(trx, active)).filter((row) => row.target_key_id !== active);
    if (stale.length > 0) await startRotations(trx, active);
    const step: RotationStep = { ran: true, resealed: 0, finished: [] };
    for (const row of await columnsToRotate(trx, active)) {
      const done = await resealBatch(trx, keyring, row, batch);
      step.resealed += done.resealed;
      if (!done.finished) continue;
      step.finished.push({ resourceId: row.resource_id, field: row.field });
      await recordAudit(trx, context, {
        action: 'security.encryption.rotated',
        targetType: 'pool_table',
        targetId: row.resource_id,
        departmentId: row.department_id,
        detail: { field: row.field, keyId: active, rows: row.rows_done + done.resealed },
      });
    }
    return step;
  });
}

async function resealBatch(trx: Kysely<DB>, keyring: Keyring, row: EncryptedColumnRow, batch: number) {
  const locked = await findEncryptedColumn(trx, row.resource_id, row.field, true);
  const table = await findPoolTable(trx, row.resource_id);
  const column = table?.columns.find((c) => c.field === row.field);
  if (!locked || !table || !column) return { resealed: 0, finished: false };
  const aad = columnAad(table.resource_id, column.field);
  const values = await valuesNotUnder(
    trx,
    table,
    column.column,
    locked.target_key_id,
    locked.cursor_row,
    batch,
  );
  const resealed = values.map(({ row: id, value }) => {
    const sealed = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { row: id, sealed: seal(keyring, open(keyring, sealed, aad), aad) };
  });
  await writeSealed(trx, table, column.column, resealed);
  if (values.length === batch) {
    await updateEncryptedColumn(trx, row.resource_id, row.field, {
      cursor_row: values[values.length - 1]!.row,
      rows_done: locked.rows_done + values.length,
    });
    return { resealed: values.length, finished: false };
  }
  await updateEncryptedColumn(trx, row.resource_id, row.field, {
    state: 'encrypted',
    key_ids: await keyIdsInUse(trx, table, column.column),
    rows_done: locked.rows_done + values.length,
    rows_total: Math.max(locked.rows_total, locked.rows_done + values.length),
    cursor_row: 0,
    rotated_at: new Date(),
  });
  return { resealed: values.length, finished: true };
}
