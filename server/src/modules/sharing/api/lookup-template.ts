// The key lookup's statement compiled once per read plan (and with or without its audit), with
// slots for what changes from call to call: the key and the audit event's values. A call fills the
// slots, so the hot path neither builds nor compiles SQL, and the text stays the same for a
// prepared statement.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditRow } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { systemContext } from '../../../platform/policy/actor.ts';
import { conditionsSql, type RowCondition } from '../grants/row-filter.ts';
import { lookupSql, type LookupStatement } from './api.repository.ts';
import type { RecordKey } from './api.params.ts';
import type { CallPlan, ReadPlan } from './call-plan.ts';

/** A compiled lookup: its text, a name for preparing it, parameters and which of them are slots. */
export interface LookupTemplate {
  sql: string;
  name: string;
  parameters: readonly unknown[];
  /** Per parameter: null for a fixed value, else `key:<i>` or `audit:<column>`. */
  slots: readonly (string | null)[];
}

type AuditValues = NonNullable<LookupStatement['audit']>;

const SLOT = '\u0000zs-slot:';
const AUDIT_COLUMNS = Object.keys(
  auditRow(systemContext('lookup'), { action: 'lookup' }),
) as (keyof AuditValues)[];
const templates = new WeakMap<ReadPlan, { audited?: LookupTemplate; plain?: LookupTemplate }>();

/** The statement of a key lookup under a plan (the service's, and the benchmarks' references). */
export function lookupStatement(
  plan: CallPlan,
  read: ReadPlan,
  keyConditions: readonly RowCondition[],
  audit: LookupStatement['audit'],
): LookupStatement {
  return {
    caller: plan.caller,
    stamp: plan.stamp,
    table: plan.table,
    selectList: read.mask.selectList,
    where: conditionsSql([...plan.rowFilter, ...keyConditions], plan.table.columns)!,
    keyColumns: plan.keyColumns,
    audit,
  };
}

/** The compiled lookup of a read plan (made on first use). */
export function lookupTemplate(
  db: Kysely<DB>,
  plan: CallPlan,
  read: ReadPlan,
  audited: boolean,
): LookupTemplate {
  let made = templates.get(read);
  if (!made) templates.set(read, (made = {}));
  const kept = audited ? made.audited : made.plain;
  if (kept) return kept;
  const keyConditions: RowCondition[] = plan.keyColumns.map((column, i) => ({
    field: column.field,
    op: 'eq',
    value: `${SLOT}key:${i}`,
  }));
  const audit = audited
    ? (Object.fromEntries(
        AUDIT_COLUMNS.map((column) => [column, `${SLOT}audit:${column}`]),
      ) as unknown as AuditValues)
    : null;
  const compiled = lookupSql(lookupStatement(plan, read, keyConditions, audit)).compile(db);
  const template: LookupTemplate = {
    sql: compiled.sql,
    name: `share_lookup_${crypto.createHash('sha1').update(compiled.sql).digest('hex').slice(0, 24)}`,
    parameters: compiled.parameters,
    slots: compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SLOT) ? p.slice(SLOT.length) : null,
    ),
  };
  if (audited) made.audited = template;
  else made.plain = template;
  return template;
}

/** The parameters of one call: the template's, with the key and the audit event filled in. */
export function lookupParameters(
  template: LookupTemplate,
  plan: CallPlan,
  key: RecordKey,
  audit: AuditValues | null,
): unknown[] {
  return template.parameters.map((fixed, i) => {
    const slot = template.slots[i];
    if (!slot) return fixed;
    if (slot.startsWith('key:')) return key.values[plan.keyColumns[Number(slot.slice(4))]!.field];
    return audit![slot.slice(6) as keyof AuditValues];
  });
}
