// The audit events of data calls (the contract monitoring reads, docs/sharing-api.md): action
// share.data.<way>, target the grant, the call's purpose, the calling application as actor, and
// what was returned as keys, never values. Refusals and failures are audited too: outcome denied
// for 401/403 (with the reason code), failure otherwise.
import type { Kysely } from 'kysely';
import { recordAudit, type AuditEntry } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { CallPlan } from './call-plan.ts';

/** The ways data is read through the API. */
export type Way = 'lookup' | 'query' | 'export' | 'changes' | 'live';

/** At most this many keys are kept in one event (the first ones returned). */
export const AUDITED_KEYS = 100;

/** What a call has learnt so far, for its audit event (the plan once it is made). */
export interface CallTrace {
  way: Way;
  code: string;
  purpose: string | undefined;
  plan?: CallPlan;
}

/** The audit entry of a data call. */
export function dataAudit(
  trace: CallTrace,
  outcome: NonNullable<AuditEntry['outcome']>,
  detail: { count: number; keys: readonly string[] } & Record<string, unknown>,
): AuditEntry {
  const plan = trace.plan;
  return {
    action: `share.data.${trace.way}`,
    outcome,
    targetType: 'share_grant',
    targetId: plan?.grant.id ?? null,
    purpose: plan?.purpose ?? trace.purpose ?? null,
    detail: {
      resourceCode: trace.code,
      resourceId: plan?.resource.resource_id ?? null,
      grantId: plan?.grant.id ?? null,
      way: trace.way,
      ...detail,
      keys: detail.keys.slice(0, AUDITED_KEYS),
    },
  };
}

const audited = new WeakSet<object>();

/** Marks an error whose call was audited already (the lookup audits a miss in its own statement). */
export function alreadyAudited<E extends object>(error: E): E {
  audited.add(error);
  return error;
}

/** Audits a refused or failed call (best effort: the caller's answer must not be lost to it). */
export async function auditFailure(
  db: Kysely<DB>,
  context: RequestContext,
  trace: CallTrace,
  error: unknown,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (typeof error === 'object' && error !== null && audited.has(error)) return;
  const status = error instanceof AppError ? error.status : 500;
  const reason = error instanceof AppError ? error.code : 'internal';
  await recordAudit(
    db,
    context,
    dataAudit(trace, status === 401 || status === 403 ? 'denied' : 'failure', {
      count: 0,
      keys: [],
      reason,
      status,
      ...extra,
    }),
  ).catch(() => undefined);
}

/** Runs a call; a refusal or failure is audited and rethrown. */
export async function auditedCall<T>(
  db: Kysely<DB>,
  context: RequestContext,
  trace: CallTrace,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await auditFailure(db, context, trace, error);
    throw error;
  }
}
