// The monitoring sweep: reads the sharing API's audit events after its cursor, folds them into the
// rollups and raises alerts, in one transaction under an advisory lock (one instance at a time).
// The cursor is the audit chain position (seq), not the event id: the sequencer numbers events in
// the order their transactions became visible, so an event that commits late, with a lower id than
// events already folded, still gets a seq after the cursor and is counted exactly once.
import type { Kysely } from 'kysely';
import { recordAuditMany } from '../../../platform/audit/audit.ts';
import type { WorkCalendar } from '../../../platform/calendar/calendar.ts';
import { tryAdvisoryLock } from '../../../platform/cases/cases.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { systemContext } from '../../../platform/policy/actor.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { callOf, isUuid, type DataCall } from './monitoring.calls.ts';
import { foldCalls, hourlyIncrements, keyIncrements, newKeys, type Subject } from './monitoring.fold.ts';
import { deniedAlerts, lookupAlerts, newKeyAlerts, offHoursAlerts } from './monitoring.rules.ts';
import {
  addToHourly,
  addToKeys,
  advanceCursor,
  chainHead,
  departmentRegions,
  grantsByIds,
  insertAlerts,
  keyPrefixes,
  knownKeys,
  readCursor,
  readDataEvents,
  resourcesBy,
  type NewAlert,
} from './sweep.repository.ts';

// Advisory lock key of the monitoring sweep ("zsmo" as a number), unique among the platform's locks.
const MONITOR_LOCK = 0x7a73_6d6f;

/** Events one sweep transaction folds by default: bounded work and a short transaction. */
export const DEFAULT_MONITOR_BATCH = 2000;

/** What the sweep needs of the platform: the thresholds and the working-day calendar. */
export interface MonitorPlatform {
  profile: Pick<Profile, 'sharing'>;
  calendar: WorkCalendar;
}

/** What one sweep did. */
export interface MonitorSweepResult {
  /** False when another instance held the lock (it does the work). */
  ran: boolean;
  /** Data-call events read after the cursor. */
  events: number;
  /** Of those, events that name no way or no calling department (not counted anywhere). */
  skipped: number;
  /** The cursor after the sweep. */
  cursor: number;
  /** Whether events may be waiting (the batch was full). */
  more: boolean;
  alerts: { id: string; kind: NewAlert['kind']; grantId: string | null; period: string }[];
}

const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null))];

async function batchLookups(trx: Kysely<DB>, calls: DataCall[]) {
  const grants = await grantsByIds(trx, unique(calls.map((c) => c.grantId)));
  const resourceIds = unique([...calls.map((c) => c.resourceId), ...grants.map((g) => g.resource_id)]);
  // A call refused before its grant (and so its resource id) was found names only the code.
  const codes = unique(calls.filter((c) => !c.grantId && !c.resourceId).map((c) => c.resourceCode));
  const [resources, coded, departments, prefixes] = await Promise.all([
    resourcesBy(trx, 'id', resourceIds),
    resourcesBy(trx, 'code', codes),
    departmentRegions(trx, unique(calls.map((c) => c.departmentId))),
    keyPrefixes(trx, unique(calls.map((c) => c.keyId)).filter(isUuid)),
  ]);
  return {
    grants: new Map(grants.map((g) => [g.id, g])),
    resources: new Map([...resources, ...coded].map((r) => [r.id, r])),
    resourceCodes: new Map(coded.map((r) => [r.code, r.id])),
    departmentRegions: new Map(departments.map((d) => [d.id, d.region_id])),
    prefixes: new Map(prefixes.map((p) => [p.id, p.token_prefix])),
  };
}

/**
 * Folds one batch of data-call events (at most `batchSize`) and raises the alerts it causes, each
 * audited as `share.alert.raise` by the system. Rollups, alerts and the cursor commit together, so
 * a failed or repeated sweep never counts an event twice.
 */
export async function sweepShareUsage(
  db: Kysely<DB>,
  platform: MonitorPlatform,
  options: { batchSize?: number } = {},
): Promise<MonitorSweepResult> {
  const batchSize = options.batchSize ?? DEFAULT_MONITOR_BATCH;
  const rules = platform.profile.sharing.monitoring;
  return db.transaction().execute(async (trx) => {
    const idle = { ran: false, events: 0, skipped: 0, cursor: 0, more: false, alerts: [] };
    if (!(await tryAdvisoryLock(trx, MONITOR_LOCK))) return idle;
    const cursor = await readCursor(trx);
    const head = await chainHead(trx);
    if (head <= cursor) return { ...idle, ran: true, cursor };
    const events = await readDataEvents(trx, cursor, head, batchSize);
    const more = events.length === batchSize;
    // A full batch stops at its last event; otherwise everything up to the head has been read.
    const next = more ? events[events.length - 1]!.seq : head;
    const calls = events.map(callOf).filter((call): call is DataCall => call !== null);
    const lookups = await batchLookups(trx, calls);
    const folded = foldCalls(calls, lookups, rules, platform.calendar);

    await addToHourly(trx, hourlyIncrements(folded));
    const keys = keyIncrements(folded, lookups.prefixes);
    const fresh = newKeys(keys, await knownKeys(trx, unique(keys.map((k) => k.grant_id))));
    await addToKeys(trx, keys);

    const context = { trx, rules, prefixes: lookups.prefixes };
    const subjects = new Map<string, Subject>();
    for (const call of folded) if (call.grantId) subjects.set(call.grantId, call.subject);
    const candidates = [
      ...(await lookupAlerts(context, folded)),
      ...(await offHoursAlerts(context, folded)),
      ...newKeyAlerts(context, fresh, subjects),
      ...(await deniedAlerts(context, folded)),
    ];
    const ids = await insertAlerts(trx, candidates);
    const raised = candidates.flatMap((alert) => {
      const id = ids.get(alert.dedupe_key);
      return id ? [{ alert, id }] : [];
    });
    await recordAuditMany(
      trx,
      systemContext('share-monitor'),
      raised.map(({ alert, id }) => ({
        action: 'share.alert.raise',
        targetType: 'share_alert',
        targetId: id,
        departmentId: alert.provider_department_id ?? alert.consumer_department_id,
        detail: {
          kind: alert.kind,
          period: alert.period,
          grantId: alert.grant_id,
          resourceId: alert.resource_id,
          consumerDepartmentId: alert.consumer_department_id,
          application: alert.application,
          evidence: alert.evidence,
        },
      })),
    );
    await advanceCursor(trx, next, events.length);
    return {
      ran: true,
      events: events.length,
      skipped: events.length - folded.length,
      cursor: next,
      more,
      alerts: raised.map(({ alert, id }) => ({
        id,
        kind: alert.kind,
        grantId: alert.grant_id,
        period: alert.period,
      })),
    };
  });
}

/** Logging the background sweep needs. */
export interface MonitorLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A running monitor; `stop` ends it and waits for the sweep in progress. */
export interface ShareMonitor {
  stop(): Promise<void>;
}

/**
 * Starts the monitoring sweep (once, from `main.ts`): every `intervalMs` (15 s by default) it folds
 * batches until it has caught up, at most `maxBatches` per tick so that one tick stays short. The
 * profile is read per tick, so the active thresholds always apply.
 */
export function startShareMonitor(
  platform: MonitorPlatform & { database: Database },
  options: { intervalMs?: number; maxBatches?: number; batchSize?: number; log?: MonitorLog } = {},
): ShareMonitor {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current) return;
    current = (async () => {
      for (let i = 0; i < (options.maxBatches ?? 10) && !stopped; i++) {
        const result = await sweepShareUsage(platform.database.db, platform, options);
        if (result.alerts.length > 0)
          options.log?.info({ alerts: result.alerts }, 'share monitor raised alerts');
        if (!result.ran || !result.more) break;
      }
    })()
      .catch((error: unknown) => options.log?.error({ err: error }, 'share monitor sweep failed'))
      .finally(() => (current = null));
  };
  const timer = setInterval(tick, options.intervalMs ?? 15_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
