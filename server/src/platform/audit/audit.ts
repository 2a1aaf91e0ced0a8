import type { Kysely } from 'kysely';
import type { RequestContext } from '../policy/actor.ts';
import type { DB } from '../db/schema.ts';

/** One act to put on the audit trail. */
export interface AuditEntry {
  /** What was done, as `module.thing.verb`, e.g. `org.department.create`, `auth.login`. */
  action: string;
  outcome?: 'success' | 'denied' | 'failure';
  targetType?: string | null;
  targetId?: string | null;
  /** The declared purpose of a data access (共享/开放 use), when there is one. */
  purpose?: string | null;
  /** The department the act concerns; defaults to the actor's own. */
  departmentId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends an audit event. Call it with the transaction that makes the change, so that the change
 * and its trace commit or roll back together. The hash chain is added later by the sequencer.
 */
export async function recordAudit(db: Kysely<DB>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(context, entry)).execute();
}

/** Appends several audit events in one statement (bulk acts, sweeps). */
export async function recordAuditMany(
  db: Kysely<DB>,
  context: RequestContext,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(entries.map((entry) => auditRow(context, entry)))
    .execute();
}

// PostgreSQL text and jsonb cannot hold NUL; hostile input must still be recordable, so NUL
// becomes U+FFFD (the replacement character) in what the trail stores.
const storable = (text: string | null) => (text === null ? null : text.replaceAll('\u0000', '\ufffd'));

/**
 * The row `recordAudit` inserts for an act, for statements that write it themselves (the sharing
 * API's key lookup reads and audits in one statement, see docs/sharing-api.md).
 */
export function auditRow(context: RequestContext, entry: AuditEntry) {
  const actor = context.actor;
  return {
    actor_type: actor ? actor.type : context.system ? ('system' as const) : ('anonymous' as const),
    actor_id: actor?.id ?? null,
    actor_name: storable(actor?.name ?? context.system ?? context.claimedName ?? null),
    actor_role: actor?.role ?? null,
    department_id: entry.departmentId !== undefined ? entry.departmentId : (actor?.departmentId ?? null),
    region_id: actor?.regionId ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    target_type: entry.targetType ?? null,
    target_id: storable(entry.targetId ?? null),
    purpose: storable(entry.purpose ?? null),
    request_id: context.requestId,
    ip: context.ip,
    detail: JSON.stringify(entry.detail ?? {}).replaceAll('\\u0000', '\\ufffd'),
  };
}
