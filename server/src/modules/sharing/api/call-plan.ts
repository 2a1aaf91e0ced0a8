// The plan of a sharing call: the grant it runs under, what it may read (items, rows), how each item
// is masked, and the stamp of the database state the plan was made from. Making a plan reads the
// grant, the resource, its pool table and its masking rules (about six queries). A plan is kept per
// caller and purpose and reused only while its stamp still matches the database, which every call
// checks (the key lookup inside its one statement), so a revoked or expired grant, a new grant, a
// changed masking rule or a republished resource bites on the very next call, on every instance.
// Nothing about a grant is trusted from memory without that check.
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict } from '../../../platform/errors/app-error.ts';
import { planMasking, type MaskColumn, type MaskPlan } from '../../../platform/masking/plan.ts';
import { parseRule, type ItemType, type MaskRule } from '../../../platform/masking/rules.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import type { PoolColumn } from '../../pools/pool-schema.ts';
import type { PoolTableRow } from '../../pools/pool-tables.repository.ts';
import { columnAad, openColumn } from '../../security/encryption/column-seal.ts';
import { grantKey, resolveMasking } from '../../security/masking/masking.service.ts';
import type { GrantRow, SharedResourceRow } from '../grants/grants.repository.ts';
import { resolveCallGrant } from '../grants/grants.service.ts';
import type { RowCondition } from '../grants/row-filter.ts';
import { readStamp, type Caller } from './api.repository.ts';
import './api.messages.ts';

/** What plans are made with: the profile (default masking), the masking secret, the data keys. */
export interface PlanPlatform {
  profile: Profile;
  config: Pick<Config, 'maskingSecret'>;
  keyring: Keyring;
}

/** An item the grant lets the caller read, with the rule that masks it in this grant. */
export interface GrantedItem {
  field: string;
  name: string;
  dataType: ItemType;
  isKey: boolean;
  column: PoolColumn;
  rule: MaskRule;
  /** Where the rule comes from: the grant's own masking, the provider's rule, or the profile's default. */
  source: 'grant' | 'rule' | 'default';
}

/** How a set of items is read: the SQL-side plan, and the sealed items opened and masked in Node. */
export interface ReadPlan {
  items: GrantedItem[];
  /** Columns for maskedSelect / the select list; sealed items are read as stored (rule none). */
  columns: MaskColumn[];
  mask: MaskPlan;
  /** Opens the sealed items of fetched rows and masks them (in place). */
  finishSealed(rows: Record<string, unknown>[]): void;
}

/**
 * What reads of a pool table under some right need: the table, the items the right covers with
 * their masking, its rows, and the pseudonym key. A sharing grant's plan is one; an open dataset's
 * plan (modules/opening) is another, so both read, page and export the same way.
 */
export interface ReadSource {
  resource: { resource_id: string };
  table: PoolTableRow;
  /** The items the right covers that are stored, in item order. */
  items: GrantedItem[];
  keyColumns: PoolColumn[];
  rowFilter: RowCondition[];
  pseudonymKey: Buffer;
  /** Read plans by field list (made once per plan). */
  reads: Map<string, ReadPlan>;
}

/** Everything a call under a grant needs. */
export interface CallPlan extends ReadSource {
  stamp: string;
  caller: Caller;
  resource: SharedResourceRow;
  grant: GrantRow;
  purpose: string;
}

const MAX_PLANS = 1000;
const MAX_READS = 32;
const caches = new WeakMap<Kysely<DB>, Map<string, CallPlan>>();

function cacheOf(db: Kysely<DB>) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

const cacheKey = (caller: Caller, purpose: string | undefined) =>
  [caller.departmentId, caller.application, caller.resourceCode, purpose ?? ''].join('\u0000');

/** The caller of a sharing call, or a 403 for anything but a department's application. */
export function callerOf(actor: Actor, resourceCode: string): Caller {
  if (actor.type !== 'application' || !actor.departmentId) throw forbidden('share.applications_only');
  return { departmentId: actor.departmentId, application: actor.name, resourceCode };
}

/** The purpose a call states: X-Purpose trimmed, or undefined for the grant's default. */
export const statedPurpose = (purpose: string | undefined) => purpose?.trim() || undefined;

/** The plan kept for this caller and purpose, not yet checked against the database (see `lookup`). */
export function keptPlan(db: Kysely<DB>, actor: Actor, code: string, purpose: string | undefined) {
  if (actor.type !== 'application' || !actor.departmentId) return undefined;
  return cacheOf(db).get(cacheKey(callerOf(actor, code), statedPurpose(purpose)));
}

/**
 * The plan of a call: the kept one when its stamp still matches (one query), else a new one. Throws
 * the refusals of `resolveCallGrant` (403/404/400) and 409 when the resource has no pool table yet.
 */
export async function callPlan(
  db: Kysely<DB>,
  platform: PlanPlatform,
  actor: Actor,
  code: string,
  purpose: string | undefined,
): Promise<CallPlan> {
  const kept = keptPlan(db, actor, code, purpose);
  if (kept && (await readStamp(db, kept.caller)) === kept.stamp) return kept;
  return makePlan(db, platform, actor, code, purpose);
}

function grantedItems(
  resolved: Awaited<ReturnType<typeof resolveMasking>>,
  table: PoolTableRow,
  grant: GrantRow,
): GrantedItem[] {
  const stored = new Map(table.columns.filter((c) => !c.retired).map((c) => [c.field, c]));
  const overrides = grant.masking as Record<string, unknown>;
  return resolved.items
    .filter(({ item }) => grant.fields.includes(item.field_name) && stored.has(item.field_name))
    .map(({ item, rule, source }) => {
      const own =
        overrides[item.field_name] === undefined ? undefined : parseRule(overrides[item.field_name]);
      return {
        field: item.field_name,
        name: item.name,
        dataType: item.data_type as ItemType,
        isKey: table.key_fields.includes(item.field_name),
        column: stored.get(item.field_name)!,
        rule: own ?? rule,
        source: own ? 'grant' : source,
      };
    });
}

/**
 * Makes a plan from the database and keeps it. The stamp is read first: whatever changes while the
 * plan is made gives a newer state than the stamp says, so the next check sees it and makes another.
 */
export async function makePlan(
  db: Kysely<DB>,
  platform: PlanPlatform,
  actor: Actor,
  code: string,
  purpose: string | undefined,
): Promise<CallPlan> {
  const caller = callerOf(actor, code);
  const stated = statedPurpose(purpose);
  const stamp = await readStamp(db, caller);
  const call = await resolveCallGrant(db, actor, code, stated);
  const resolved = await resolveMasking(db, platform.profile, call.resource.resource_id);
  const table = resolved.table;
  if (!table) throw conflict('share.api.no_table', { code });
  const items = grantedItems(resolved, table, call.grant);
  const plan: CallPlan = {
    stamp,
    caller,
    resource: call.resource,
    grant: call.grant,
    purpose: call.purpose,
    table,
    items,
    keyColumns: table.key_fields.map((field) => table.columns.find((c) => c.field === field && !c.retired)!),
    rowFilter: call.grant.row_filter as RowCondition[],
    pseudonymKey: await grantKey(db, platform, call.grant.id),
    reads: new Map(),
  };
  const cache = cacheOf(db);
  const key = cacheKey(caller, stated);
  cache.delete(key);
  if (cache.size >= MAX_PLANS) cache.delete(cache.keys().next().value!);
  cache.set(key, plan);
  return plan;
}

/**
 * The items a call reads: every granted item, or those named in `fields=` (403 for one outside the
 * grant, naming it).
 */
export function chosenItems(plan: CallPlan, fields: readonly string[] | undefined): GrantedItem[] {
  if (!fields || fields.length === 0) return plan.items;
  const byField = new Map(plan.items.map((item) => [item.field, item]));
  for (const field of fields)
    if (!byField.has(field)) throw forbidden('share.api.field_outside_grant', { field });
  return plan.items.filter((item) => fields.includes(item.field));
}

/** The read plan of a set of items (made once per call plan and field list). */
export function readPlan(plan: ReadSource, keyring: Keyring, items: readonly GrantedItem[]): ReadPlan {
  const name = items.map((item) => item.field).join(',');
  const made = plan.reads.get(name);
  if (made) return made;
  const toColumn = (item: GrantedItem, rule: MaskRule): MaskColumn => ({
    field: item.field,
    column: item.column.column,
    type: item.dataType,
    rule,
  });
  const columns = items.map((item) => toColumn(item, item.column.encrypted ? { kind: 'none' } : item.rule));
  const sealed = items.filter((item) => item.column.encrypted);
  const sealedPlan = planMasking(
    sealed.map((item) => toColumn(item, item.rule)),
    { pseudonymKey: plan.pseudonymKey },
  );
  const read: ReadPlan = {
    items: [...items],
    columns,
    mask: planMasking(columns, { pseudonymKey: plan.pseudonymKey, qualifier: 't' }),
    finishSealed(rows) {
      if (sealed.length === 0 || rows.length === 0) return;
      const rowIds = rows.map((row) => row._row);
      for (const item of sealed) {
        const opened = openColumn(
          keyring,
          columnAad(plan.resource.resource_id, item.field),
          rows.map((row) => row[item.field]),
          { field: item.field, rows: rowIds },
        );
        rows.forEach((row, index) => (row[item.field] = opened[index]));
      }
      for (const row of rows) sealedPlan.finish(row);
    },
  };
  // A caller inventing field lists must not grow the plan without bound.
  if (plan.reads.size < MAX_READS) plan.reads.set(name, read);
  return read;
}
