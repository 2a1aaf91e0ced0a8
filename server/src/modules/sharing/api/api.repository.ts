// SQL of the sharing API: the stamp of what a call plan was made from, the key lookup (stamp check,
// the record, its pending correction and the audit event in one statement), pages of changes since
// a table version, and row conditions checked on a record a provider's own system answered with.
// Pool identifiers come from the register (pool-schema names) and are quoted; values are parameters.
import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { auditRow } from '../../../platform/audit/audit.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { ident, qualified, sqlType, type PoolColumn } from '../../pools/pool-schema.ts';
import type { PoolTableRow } from '../../pools/pool-tables.repository.ts';

/** Who calls on what: the calling department's application and the resource code. */
export interface Caller {
  departmentId: string;
  application: string;
  resourceCode: string;
}

/**
 * The state a call plan depends on, as one text: the caller's grants in force on the code (with a
 * digest of what each says), the published entry (revision, share type, review), the pool table's
 * columns and key, and the masking rules. Any change to one of them changes the stamp.
 */
function stampSql(caller: Caller): RawBuilder<string> {
  return sql<string>`concat_ws('|',
    (SELECT string_agg(g.id::text || ':' || md5(concat_ws('/', g.purpose, array_to_string(g.fields, ','),
              g.row_filter::text, g.masking::text, g.starts_at::text, g.ends_at::text)), ','
              ORDER BY g.created_at, g.id)
       FROM share_grants g
      WHERE g.consumer_department_id = ${caller.departmentId} AND g.application = ${caller.application}
        AND g.resource_code = ${caller.resourceCode} AND g.revoked_at IS NULL
        AND g.starts_at <= now() AND g.ends_at > now()),
    (SELECT concat_ws(':', e.resource_id, e.revision_id, e.share_type, e.share_review_passed,
        (SELECT concat_ws(':', p.revision_id, md5(p.columns::text || p.key_fields::text))
           FROM pool_tables p WHERE p.resource_id = e.resource_id),
        (SELECT md5(string_agg(m.field_name || '=' || m.rule::text, ',' ORDER BY m.field_name))
           FROM masking_rules m WHERE m.resource_id = e.resource_id))
       FROM catalog_entries e WHERE e.code = ${caller.resourceCode}))`;
}

/** Reads the stamp of a caller's plan now. */
export async function readStamp(db: Kysely<DB>, caller: Caller): Promise<string> {
  const result = await sql<{ stamp: string }>`SELECT ${stampSql(caller)} AS stamp`.execute(db);
  return result.rows[0]!.stamp;
}

/** An audit row as `auditRow` makes it. */
type AuditValues = ReturnType<typeof auditRow>;

/** What one key lookup reads and writes. */
export interface LookupStatement {
  caller: Caller;
  /** The stamp the plan was made with: the lookup reads and audits only while it still holds. */
  stamp: string;
  table: PoolTableRow;
  /** `expression AS "field"` over alias t, for the items read. */
  selectList: readonly string[];
  /** The key and the grant's row conditions over alias t. */
  where: RawBuilder<unknown>;
  /** The key columns as pool_corrections keeps them (`column::text`, in key order). */
  keyColumns: readonly PoolColumn[];
  /** The lookup's audit event (its outcome and count are filled in by the statement), or null. */
  audit: AuditValues | null;
}

/** What a lookup found: whether the plan was still fresh, the record, a pending correction. */
export interface LookupResult {
  fresh: boolean;
  row?: Record<string, unknown>;
  correction?: { id: string; state: string };
}

const NOT_FOUND_DETAIL = JSON.stringify({ count: 0, reason: 'share.api.record_not_found' });

function auditInsert(audit: AuditValues): RawBuilder<unknown> {
  return sql`, a AS (
    INSERT INTO audit_events (actor_type, actor_id, actor_name, actor_role, department_id, region_id, action,
                              outcome, target_type, target_id, purpose, request_id, ip, detail)
    SELECT ${audit.actor_type}, ${audit.actor_id}, ${audit.actor_name}, ${audit.actor_role},
           CAST(${audit.department_id} AS uuid), CAST(${audit.region_id} AS uuid), ${audit.action},
           CASE WHEN EXISTS (SELECT 1 FROM r) THEN 'success' ELSE 'failure' END,
           ${audit.target_type}, ${audit.target_id}, ${audit.purpose}, ${audit.request_id}, ${audit.ip},
           CAST(${audit.detail} AS jsonb) || CASE WHEN EXISTS (SELECT 1 FROM r) THEN '{"count":1}'::jsonb
                                                  ELSE CAST(${NOT_FOUND_DETAIL} AS jsonb) END
    FROM ok RETURNING 1)`;
}

/**
 * The key lookup in one statement: checks the plan's stamp (grants in force, resource, table,
 * rules), reads the current record in the grant's rows, finds a pending correction of it, and
 * writes the audit event (success, or failure when there is no such record). When the stamp no
 * longer holds nothing is read or written and `_fresh` is false: the caller makes a new plan.
 */
export function lookupSql(statement: LookupStatement): RawBuilder<Record<string, unknown>> {
  const list = sql.raw(['t._row', ...statement.selectList].join(', '));
  const keyTexts = sql.raw(statement.keyColumns.map((c) => `t.${ident(c.column)}::text`).join(', '));
  const audit = statement.audit ? auditInsert(statement.audit) : sql``;
  return sql<Record<string, unknown>>`
    WITH ok AS (SELECT 1 AS ok WHERE ${stampSql(statement.caller)} = ${statement.stamp}),
    r AS (SELECT ${list}, ARRAY[${keyTexts}] AS _key FROM ${sql.raw(qualified(statement.table))} AS t
          WHERE EXISTS (SELECT 1 FROM ok) AND t._to IS NULL AND ${statement.where} LIMIT 1),
    d AS (SELECT c.id AS _correction_id, c.state AS _correction_state
          FROM pool_corrections c JOIN r ON c.key_values = r._key
          WHERE c.resource_id = ${statement.table.resource_id} AND c.state = 'pending'
          ORDER BY c.created_at LIMIT 1)
    ${audit}
    SELECT EXISTS (SELECT 1 FROM ok) AS _fresh, r.*, d.*
    FROM (SELECT 1) AS one LEFT JOIN r ON true LEFT JOIN d ON true`;
}

/** The result row of `lookupSql` as what the lookup found. */
export function lookupResult(found: Record<string, unknown>): LookupResult {
  const { _fresh, _key, _correction_id, _correction_state, ...row } = found;
  void _key;
  if (!_fresh) return { fresh: false };
  if (row._row === null || row._row === undefined) return { fresh: true };
  return {
    fresh: true,
    row,
    ...(_correction_id
      ? { correction: { id: String(_correction_id), state: String(_correction_state) } }
      : {}),
  };
}

/**
 * Runs a compiled key lookup (see `lookupSql`). With `prepared`, on PostgreSQL, as a named prepared
 * statement (the name a digest of its text, so each text is planned once per connection): planning
 * the statement costs more than running it. Callers pass `prepared` only for statement texts of
 * which there are few (one per grant and resource, not per field list a caller makes up).
 */
export async function runLookup(
  database: Pick<Database, 'db' | 'pool'>,
  query: { name: string; sql: string; parameters: readonly unknown[] },
  prepared: boolean,
): Promise<LookupResult> {
  if (prepared && database.pool) {
    const result = await database.pool.query({
      name: query.name,
      text: query.sql,
      values: [...query.parameters],
    });
    return lookupResult(result.rows[0] as Record<string, unknown>);
  }
  const result = await database.db.executeQuery(CompiledQuery.raw(query.sql, [...query.parameters]));
  return lookupResult(result.rows[0] as Record<string, unknown>);
}

/** What a page of changes reads. */
export interface ChangesQuery {
  table: PoolTableRow;
  /** `expression AS "field"` over alias t for every item read. */
  selectList: readonly string[];
  /** The same list with every item but the key as NULL (what a delete carries). */
  keyOnlyList: readonly string[];
  keyColumns: readonly PoolColumn[];
  /** The grant's row conditions over alias t, s and c (the same conditions, three aliases). */
  filter: (alias: string) => RawBuilder<unknown> | undefined;
  since: number;
  upto: number;
  afterRow: number;
  limit: number;
}

const holds = (condition: RawBuilder<unknown> | undefined) => condition ?? sql`true`;

/**
 * Changes of the rows a grant covers between versions `since` (exclusive) and `upto` (inclusive), in
 * `_row` order after `afterRow`: upserts are the rows current at `upto` that came after `since`;
 * deletes are keys (keyless tables: rows) whose rows closed in between and that have no row current
 * at `upto` in the grant's rows. Each row carries `_op` ('upsert' | 'delete') and `_row`.
 */
export async function changesPage(db: Kysely<DB>, query: ChangesQuery) {
  const source = sql.raw(qualified(query.table));
  const keys = query.keyColumns.map((c) => ident(c.column));
  const sameKey = sql.raw(keys.map((k) => `c.${k} = s.${k}`).join(' AND '));
  const stillThere =
    keys.length === 0
      ? sql``
      : sql`AND NOT EXISTS (SELECT 1 FROM ${source} AS c WHERE ${sameKey} AND c._from <= ${query.upto}
              AND (c._to IS NULL OR c._to > ${query.upto}) AND ${holds(query.filter('c'))})`;
  const distinct =
    keys.length === 0 ? sql`` : sql.raw(`DISTINCT ON (${keys.map((k) => `s.${k}`).join(', ')})`);
  const order = sql.raw(
    keys.length === 0 ? 's._row' : `${keys.map((k) => `s.${k}`).join(', ')}, s._row DESC`,
  );
  const result = await sql<Record<string, unknown>>`
    SELECT * FROM (
      SELECT 'upsert' AS _op, t._row, ${sql.raw(query.selectList.join(', '))} FROM ${source} AS t
      WHERE t._from > ${query.since} AND t._from <= ${query.upto} AND (t._to IS NULL OR t._to > ${query.upto})
        AND t._row > ${query.afterRow} AND ${holds(query.filter('t'))}
      UNION ALL
      SELECT 'delete' AS _op, t._row, ${sql.raw(query.keyOnlyList.join(', '))} FROM (
        SELECT ${distinct} s.* FROM ${source} AS s
        WHERE s._to > ${query.since} AND s._to <= ${query.upto} AND ${holds(query.filter('s'))} ${stillThere}
        ORDER BY ${order}) AS t
      WHERE t._row > ${query.afterRow}
    ) AS changes ORDER BY _row LIMIT ${query.limit}`.execute(db);
  return result.rows;
}

/**
 * Whether a record (values as JSON gave them) holds `conditions` (compiled over alias t): the values
 * are cast to the items' column types, so a value of the wrong type fails the statement.
 */
export async function recordHolds(
  db: Kysely<DB>,
  columns: readonly PoolColumn[],
  values: Record<string, unknown>,
  conditions: RawBuilder<unknown>,
): Promise<boolean> {
  const casts = columns.map((column) => {
    const value = values[column.field];
    const text = value === null || value === undefined ? null : String(value);
    return sql`CAST(${text} AS ${sql.raw(sqlType(column))}) AS ${sql.raw(ident(column.column))}`;
  });
  const result = await sql<{ holds: boolean | null }>`
    SELECT (${conditions}) AS holds FROM (SELECT ${sql.join(casts)}) AS t`.execute(db);
  return result.rows[0]?.holds === true;
}
