// Correction requests (疑义/错误校核, CQ19 §19, CQ18 §20, CQO §22): a user of a pool's data reports a
// suspected error on one record; that opens a `pools.correction` case with the profile's deadline;
// while it is pending the record is served marked disputed; the provider accepts (the record changes
// as a new version of the table, with history) or rejects with a reason. Reading is in
// corrections.reads.ts; which rows are disputed, in corrections.repository.ts (`disputedRows`).
import { isOpenEffective, isShared } from '../../security/reviews/reviews.effect.ts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { insertBatch, touchResourceData, updateBatch } from '../batches.repository.ts';
import { requireLoadable } from '../ingest.ts';
import type { PoolColumn } from '../pool-schema.ts';
import { findPoolTable, updatePoolTable, type PoolTableRow } from '../pool-tables.repository.ts';
import { checkValue, type RawValue } from '../values.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { columnAad, openValue, sealValue } from '../../security/encryption/column-seal.ts';
import { correctionCase } from './corrections.cases.ts';
import './corrections.messages.ts';
import {
  findCorrection,
  findCurrentRecord,
  findResourceEntry,
  insertChanges,
  insertCorrection,
  replaceRecord,
  type SealedValueOpener,
  storedTexts,
  updateCorrection,
  type ListedCorrection,
} from './corrections.repository.ts';
import type { CorrectionItem } from './corrections.tables.ts';

/** A value as a request body gives it. */
export type BodyValue = string | number | boolean | null;

/** What a reporter sends: the record's key, the items thought wrong (and what they should be), why. */
export interface ReportInput {
  key: Record<string, BodyValue>;
  items: { field: string; proposed?: BodyValue }[];
  reason: string;
}

/** The provider's acceptance: corrected values (default: the proposed ones) and a note. */
export interface AcceptInput {
  values?: Record<string, BodyValue>;
  note?: string;
  caseVersion?: number;
}

// checkValue writes COPY text; values go to SQL as parameters, so the COPY escapes are undone.
const COPY_ESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };
function plainText(copy: string): string | null {
  if (copy === '\\N') return null;
  return copy.replace(/\\([\\tnr])/g, (_, c: string) => COPY_ESCAPES[c]!);
}

/** Opens the sealed values of a table's encrypted columns, each bound to its resource and field. */
function opener(keyring: Keyring, table: PoolTableRow): SealedValueOpener {
  return (column, stored, row) =>
    openValue(keyring, columnAad(table.resource_id, column.field), stored, { field: column.field, row });
}

/** Checks a value as a load would; the plain text to store, or a problem at `path`. */
function checked(
  column: PoolColumn,
  value: RawValue,
  path: string,
  problems: FieldProblem[],
): string | null | undefined {
  const result = checkValue(column, value);
  if ('problem' in result) {
    problems.push({
      path,
      code: result.problem.code,
      params: { field: column.field, ...result.problem.params },
    });
    return undefined;
  }
  return plainText(result.text);
}

const liveColumn = (table: PoolTableRow, field: string) =>
  table.columns.find((c) => c.field === field && !c.retired);

/** The key columns with the key's checked values; problems of the key go to `problems`. */
export function checkKey(
  table: PoolTableRow,
  key: Record<string, BodyValue>,
  problems: FieldProblem[],
  base = '/body/key',
) {
  const parts: { column: PoolColumn; text: string }[] = [];
  for (const field of Object.keys(key))
    if (!table.key_fields.includes(field))
      problems.push({ path: `${base}/${field}`, code: 'pool.correction.key_unknown', params: { field } });
  for (const field of table.key_fields) {
    const column = liveColumn(table, field);
    if (!column || key[field] === undefined) {
      problems.push({ path: `${base}/${field}`, code: 'pool.correction.key_missing', params: { field } });
      continue;
    }
    const text = checked(column, key[field], `${base}/${field}`, problems);
    if (typeof text === 'string') parts.push({ column, text });
  }
  return parts;
}

/** Who may report on a table: not its provider; a department only on shared, the public only on open data. */
async function requireReporter(db: Kysely<DB>, actor: Actor, table: PoolTableRow) {
  const entry = await findResourceEntry(db, table.resource_id);
  if (!entry) throw notFound('what.pool_table');
  if (actor.role === 'public_user') {
    if (!isOpenEffective(entry)) throw forbidden('pool.correction.not_open');
    return entry;
  }
  if (actor.departmentId === table.department_id) throw forbidden('pool.correction.own_data');
  if (!isShared(entry)) throw forbidden('pool.correction.not_shared');
  return entry;
}

/**
 * Reports a suspected error: opens the case (due the profile's `correctionReply` working days after
 * today) and records the request, audited, in one transaction. 404 when no current record has the key.
 */
export async function reportCorrection(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv & { keyring: Keyring },
  resourceId: string,
  input: ReportInput,
): Promise<string> {
  const actor = context.actor!;
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  const entry = await requireReporter(db, actor, table);
  if (table.key_fields.length === 0) throw conflict('pool.no_key');
  const problems: FieldProblem[] = [];
  const reason = input.reason.trim();
  if (!reason) problems.push({ path: '/body/reason', code: 'pool.correction.reason_required' });
  const key = checkKey(table, input.key, problems);
  const proposals: { column: PoolColumn; text: string | null; index: number }[] = [];
  const seen = new Set<string>();
  for (const [index, item] of input.items.entries()) {
    const path = `/body/items/${index}`;
    const column = liveColumn(table, item.field);
    const params = { field: item.field };
    if (!column) problems.push({ path: `${path}/field`, code: 'pool.correction.field_unknown', params });
    else if (column.isKey || table.key_fields.includes(item.field))
      problems.push({ path: `${path}/field`, code: 'pool.correction.field_is_key', params });
    else if (seen.has(item.field))
      problems.push({ path: `${path}/field`, code: 'pool.correction.field_repeated', params });
    else if (item.proposed !== undefined) {
      const text = checked(column, item.proposed, `${path}/proposed`, problems);
      if (text !== undefined) proposals.push({ column, text, index });
    }
    seen.add(item.field);
  }
  if (problems.length > 0) throw invalid('pool.correction.invalid', problems);
  const proposed = await storedTexts(db, proposals);
  return db.transaction().execute(async (trx) => {
    const record = await findCurrentRecord(trx, table, key, opener(env.keyring, table));
    if (!record) throw notFound('what.pool_record');
    const items: CorrectionItem[] = input.items.map((item, index) => {
      const column = liveColumn(table, item.field)!;
      const at = proposals.findIndex((p) => p.index === index);
      return {
        field: item.field,
        name: column.name,
        current: record.values[column.column] ?? null,
        ...(at >= 0 ? { proposed: proposed[at] ?? null } : {}),
      };
    });
    const keyValues = table.key_fields.map((field) => record.values[liveColumn(table, field)!.column] ?? '');
    const fields = items.map((item) => item.field);
    // The subject is shown on deadline boards: it names the items, not the record (personal data).
    const opened = await openCase(trx, context, env, correctionCase, {
      departmentId: table.department_id,
      subject: `${entry.name}：数据校核（${fields.join('、')}）`,
      payload: { resourceId, resourceCode: entry.code, fields },
    });
    await insertCorrection(trx, {
      id: opened.id,
      resource_id: resourceId,
      department_id: table.department_id,
      record_key: Object.fromEntries(key.map((part) => [part.column.field, part.text])),
      key_values: keyValues,
      reported_row: record.row,
      reported_version: table.current_version,
      items,
      reason,
      reporter_type: actor.type === 'application' ? 'application' : 'user',
      reporter_id: actor.id,
      reporter_name: actor.displayName,
      reporter_role: actor.role,
      reporter_department_id: actor.role === 'public_user' ? null : actor.departmentId,
    });
    await recordAudit(trx, context, {
      action: 'pool.correction.report',
      targetType: 'pool_correction',
      targetId: opened.id,
      departmentId: table.department_id,
      detail: { resourceId, row: record.row, version: table.current_version, fields, dueOn: opened.due_on },
    });
    return opened.id;
  });
}

/** The request, if the actor is of its providing department (403 otherwise). */
async function requireProvider(db: Kysely<DB>, actor: Actor, id: string): Promise<ListedCorrection> {
  const row = await findCorrection(db, id);
  if (!row) throw notFound('what.pool_correction');
  if (actor.departmentId !== row.department_id) throw forbidden('pool.correction.provider_only');
  return row;
}

/** The corrected values of an acceptance: given ones, else the proposed ones, each checked as a load. */
function correctedValues(table: PoolTableRow, row: ListedCorrection, input: AcceptInput) {
  const problems: FieldProblem[] = [];
  const given = input.values ?? {};
  const items = row.items;
  for (const field of Object.keys(given))
    if (!items.some((item) => item.field === field))
      problems.push({
        path: `/body/values/${field}`,
        code: 'pool.correction.field_not_reported',
        params: { field },
      });
  const values: { column: PoolColumn; text: string | null }[] = [];
  for (const item of items) {
    const path = `/body/values/${item.field}`;
    const column = liveColumn(table, item.field);
    const value = item.field in given ? given[item.field] : item.proposed;
    const params = { field: item.field };
    if (!column) problems.push({ path, code: 'pool.correction.field_unknown', params });
    else if (value === undefined) problems.push({ path, code: 'pool.correction.value_required', params });
    else {
      const text = checked(column, value, path, problems);
      if (text !== undefined) values.push({ column, text });
    }
  }
  if (problems.length > 0) throw invalid('pool.correction.invalid', problems);
  return values;
}

/**
 * Accepts a request: the record is rewritten as the table's next version (the old row closed, the
 * corrected one inserted, a `correction` batch recorded), each changed value kept in the history,
 * the case closed and everything audited, in one transaction. Of two decisions at once, the case
 * lock lets one win; the other gets 409.
 */
export async function acceptCorrection(
  db: Kysely<DB>,
  context: RequestContext,
  keyring: Keyring,
  id: string,
  input: AcceptInput,
) {
  const actor = context.actor!;
  const row = await requireProvider(db, actor, id);
  const found = await findPoolTable(db, row.resource_id);
  if (!found) throw notFound('what.pool_table');
  const values = correctedValues(found, row, input);
  const note = input.note?.trim() || null;
  await db.transaction().execute(async (trx) => {
    await transition(trx, context, id, 'accept', {
      expectedVersion: input.caseVersion,
      detail: { note, fields: values.map((v) => v.column.field) },
    });
    const table = requireLoadable(await findPoolTable(trx, row.resource_id, true), 'upsert');
    const key = Object.entries(row.record_key).map(([field, text]) => ({
      column: liveColumn(table, field)!,
      text: text ?? '',
    }));
    const record = key.every((part) => part.column)
      ? await findCurrentRecord(trx, table, key, opener(keyring, table), true)
      : undefined;
    if (!record) throw conflict('pool.correction.record_gone');
    const stored = await storedTexts(trx, values);
    const version = table.current_version + 1;
    const batch = await insertBatch(trx, {
      resource_id: table.resource_id,
      department_id: table.department_id,
      source: 'correction',
      mode: 'upsert',
      format: null,
      file_name: null,
      file_bytes: null,
      encoding: null,
      restored_from: null,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.displayName,
    });
    // An encrypted column gets its corrected value sealed, as a load would write it.
    const changes = new Map(
      values.map((v, i) => {
        const text = stored[i] ?? null;
        const aad = columnAad(table.resource_id, v.column.field);
        return [v.column.column, v.column.encrypted ? sealValue(keyring, aad, text) : text] as const;
      }),
    );
    const newRow = await replaceRecord(trx, table, record.row, version, changes);
    if (newRow === undefined) throw conflict('pool.correction.record_gone');
    const now = new Date();
    await updatePoolTable(trx, table.resource_id, { current_version: version, loaded_at: now });
    await touchResourceData(trx, table.resource_id, now);
    await updateBatch(trx, batch.id, {
      state: 'loaded',
      version,
      rows_read: 1,
      rows_loaded: 1,
      rows_replaced: 1,
      finished_at: now,
    });
    await insertChanges(
      trx,
      values.map((v, i) => ({
        correction_id: id,
        resource_id: table.resource_id,
        key_values: row.key_values,
        field: v.column.field,
        old_value: record.values[v.column.column] ?? null,
        new_value: stored[i] ?? null,
        version,
        old_row: record.row,
        new_row: newRow,
        actor_type: actor.type,
        actor_id: actor.id,
        actor_name: actor.displayName,
      })),
    );
    await updateCorrection(trx, id, {
      state: 'accepted',
      decision_reason: note,
      decided_by: actor.id,
      decided_by_name: actor.displayName,
      decided_at: now,
      applied_version: version,
    });
    const fields = values.map((v) => v.column.field);
    await recordAudit(trx, context, {
      action: 'pool.correction.accept',
      targetType: 'pool_correction',
      targetId: id,
      departmentId: table.department_id,
      detail: { resourceId: table.resource_id, version, fields, note },
    });
    await recordAudit(trx, context, {
      action: 'pool.rows.correct',
      targetType: 'pool_batch',
      targetId: batch.id,
      departmentId: table.department_id,
      detail: {
        resourceId: table.resource_id,
        correctionId: id,
        version,
        oldRow: record.row,
        newRow,
        fields,
      },
    });
  });
}

/** Rejects a request with its reason (required), closing the case; audited in the same transaction. */
export async function rejectCorrection(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: { reason: string; caseVersion?: number },
) {
  const actor = context.actor!;
  const row = await requireProvider(db, actor, id);
  const reason = input.reason.trim();
  if (!reason)
    throw invalid('pool.correction.invalid', [
      { path: '/body/reason', code: 'pool.correction.reason_required' },
    ]);
  await db.transaction().execute(async (trx) => {
    await transition(trx, context, id, 'reject', { expectedVersion: input.caseVersion, detail: { reason } });
    await updateCorrection(trx, id, {
      state: 'rejected',
      decision_reason: reason,
      decided_by: actor.id,
      decided_by_name: actor.displayName,
      decided_at: new Date(),
    });
    await recordAudit(trx, context, {
      action: 'pool.correction.reject',
      targetType: 'pool_correction',
      targetId: id,
      departmentId: row.department_id,
      detail: { resourceId: row.resource_id, reason },
    });
  });
}
