// Test helpers for use monitoring: API keys of the market department, and sharing calls simulated by
// writing their audit events exactly as the audit contract of data calls says (the sharing API
// writes the same rows), then chaining them and running the sweep.
import { recordAuditMany, type AuditEntry } from '../../../platform/audit/audit.ts';
import { runOnce } from '../../../platform/audit/sequencer.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import type { GrantRow } from '../grants/grants.repository.ts';
import { MARKET_APP } from '../sharing.fixtures.ts';
import { sweepShareUsage, type MonitorPlatform } from './monitoring.sweep.ts';
import type { MonitoringRules } from './monitoring.calls.ts';
import type { ShareAlertKind, ShareWay } from './monitoring.tables.ts';

/** An API key as monitoring sees it: its id (the audit actor_id), shown prefix and application. */
export interface TestKey {
  id: string;
  prefix: string;
  application: string;
  departmentId: string;
  regionId: string;
}

/** Issues an API key for an application of the signed-in officer's department. */
export async function issueKey(t: TestApp, officer: TestSession, application = MARKET_APP): Promise<TestKey> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: officer.write,
    payload: { application },
  });
  if (response.statusCode !== 201) throw new Error(`api key: ${response.statusCode} ${response.body}`);
  const { apiKey } = response.json<{ apiKey: { id: string; tokenPrefix: string; departmentId: string } }>();
  const department = await t.database.db
    .selectFrom('departments')
    .select('region_id')
    .where('id', '=', apiKey.departmentId)
    .executeTakeFirstOrThrow();
  return {
    id: apiKey.id,
    prefix: apiKey.tokenPrefix,
    application,
    departmentId: apiKey.departmentId,
    regionId: department.region_id,
  };
}

/** A sharing call to simulate. */
export interface SimulatedCall {
  key: TestKey;
  way: ShareWay;
  /** The grant it ran under; null for a call refused without one. */
  grant: GrantRow | null;
  /** The resource called (taken from the grant when there is one); a refusal may name only the code. */
  resource?: { id?: string; code: string };
  /** Why the API refused the call (its message key). */
  reason?: string;
  outcome?: 'success' | 'denied' | 'failure';
  purpose?: string;
  count?: number;
  keys?: string[];
  /** When the call happened; now when omitted. */
  at?: Date;
  /** The event id, for an event that took its id earlier and commits late (one call only). */
  id?: number;
}

/** The application context of a call: who the audit event names as actor. */
export function callContext(key: TestKey): RequestContext {
  return {
    actor: {
      type: 'application',
      id: key.id,
      name: key.application,
      displayName: key.application,
      role: 'department_application',
      departmentId: key.departmentId,
      regionId: key.regionId,
      regionScope: [],
      locale: 'zh-CN',
      identityVerified: false,
    },
    requestId: `test-${key.id.slice(0, 8)}`,
    ip: '127.0.0.1',
  };
}

/** The audit entry of a data call, per the contract. */
export function callEntry(call: SimulatedCall): AuditEntry {
  const resourceId = call.grant?.resource_id ?? call.resource?.id ?? null;
  const resourceCode = call.grant?.resource_code ?? call.resource?.code ?? null;
  const count = call.count ?? (call.outcome === 'denied' ? 0 : 1);
  return {
    action: `share.data.${call.way}`,
    outcome: call.outcome ?? 'success',
    targetType: 'share_grant',
    targetId: call.grant?.id ?? null,
    purpose: call.purpose ?? call.grant?.purpose ?? null,
    departmentId: call.key.departmentId,
    detail: {
      resourceCode,
      resourceId,
      grantId: call.grant?.id ?? null,
      way: call.way,
      count,
      keys: call.keys ?? [],
      ...(call.reason ? { reason: call.reason } : {}),
    },
  };
}

/**
 * Writes `times` audit events of a call. Calls now go through recordAudit itself; calls at a given
 * time (a holiday, an hour of history) are the same rows with `occurred_at` set, one millisecond
 * apart, since recordAudit always stamps the present.
 */
export async function writeCalls(t: TestApp, call: SimulatedCall, times = 1): Promise<void> {
  const context = callContext(call.key);
  const entry = callEntry(call);
  const entries = Array.from({ length: times }, () => entry);
  const db = t.database.db;
  if (!call.at) {
    await db.transaction().execute((trx) => recordAuditMany(trx, context, entries));
    return;
  }
  const start = call.at.getTime();
  const actor = context.actor!;
  await db
    .insertInto('audit_events')
    .values(
      entries.map((e, i) => ({
        ...(call.id === undefined ? {} : { id: call.id }),
        occurred_at: new Date(start + i),
        actor_type: 'application' as const,
        actor_id: actor.id,
        actor_name: actor.name,
        actor_role: actor.role,
        department_id: e.departmentId ?? null,
        region_id: actor.regionId,
        action: e.action,
        outcome: e.outcome,
        target_type: e.targetType ?? null,
        target_id: e.targetId ?? null,
        purpose: e.purpose ?? null,
        request_id: context.requestId,
        ip: context.ip,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute();
}

/** Chains what is waiting (as the sequencer does in the background) and sweeps until caught up. */
export async function chainAndSweep(t: TestApp, rules?: Partial<MonitoringRules>) {
  const db = t.database.db;
  while ((await runOnce(db)) > 0);
  const profile = t.app.platform.profile;
  const platform: MonitorPlatform = {
    calendar: t.app.platform.calendar,
    profile: { sharing: { ...profile.sharing, monitoring: { ...profile.sharing.monitoring, ...rules } } },
  };
  const results = [];
  for (;;) {
    const result = await sweepShareUsage(db, platform);
    results.push(result);
    if (!result.more) break;
  }
  return {
    events: results.reduce((sum, r) => sum + r.events, 0),
    alerts: results.flatMap((r) => r.alerts),
    cursor: results.at(-1)!.cursor,
  };
}

/** A China time as a Date, e.g. `china('2026-10-01T10:00')`. */
export const china = (local: string) => new Date(`${local}:00+08:00`);

/** The alerts of a kind raised about a grant. */
export const grantAlerts = (t: TestApp, grantId: string, kind: ShareAlertKind) =>
  t.database.db
    .selectFrom('share_alerts')
    .selectAll()
    .where('grant_id', '=', grantId)
    .where('kind', '=', kind)
    .execute();
