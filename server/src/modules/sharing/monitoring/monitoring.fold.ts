// Folding a batch of calls: who each call is about (its subject), the hourly increments, the keys seen
// under each grant, and which keys are new. Pure: the sweep loads what the calls name and stores what
// comes out.
import type { WorkCalendar } from '../../../platform/calendar/calendar.ts';
import { hourOf, inWorkingTime, type DataCall, type MonitoringRules } from './monitoring.calls.ts';
import type { HourlyIncrement, KeyIncrement } from './sweep.repository.ts';

/** Whom a call's use is counted for: its grant, or (refused without one) its resource and caller. */
export interface Subject {
  /** `g:<grant>` or `r:<resource or ->:d:<department>`: the subject part of rollup and alert keys. */
  key: string;
  grantId: string | null;
  resourceId: string | null;
  providerDepartmentId: string | null;
  providerRegionId: string | null;
  consumerDepartmentId: string;
  consumerRegionId: string;
  application: string;
}

/** What the sweep loaded about the ids a batch names. */
export interface BatchLookups {
  grants: Map<string, { resource_id: string; provider_department_id: string; provider_region_id: string }>;
  resources: Map<string, { department_id: string; region_id: string }>;
  /** Catalog code → resource id, for calls refused before their resource id was known. */
  resourceCodes: Map<string, string>;
  departmentRegions: Map<string, string>;
}

/** A call with its subject and whether it fell outside working time. */
export interface FoldedCall extends DataCall {
  subject: Subject;
  offHours: boolean;
}

/**
 * Attributes each call to its subject. A grant id that names no grant is treated as no grant; a
 * call from a department that does not exist is dropped (it cannot be shown to anyone).
 */
export function foldCalls(
  calls: DataCall[],
  lookups: BatchLookups,
  rules: MonitoringRules,
  calendar: WorkCalendar,
): FoldedCall[] {
  const folded: FoldedCall[] = [];
  for (const call of calls) {
    const consumerRegionId = lookups.departmentRegions.get(call.departmentId);
    if (!consumerRegionId) continue;
    const grant = call.grantId ? lookups.grants.get(call.grantId) : undefined;
    const named = call.resourceId && lookups.resources.has(call.resourceId) ? call.resourceId : null;
    const byCode = call.resourceCode ? (lookups.resourceCodes.get(call.resourceCode) ?? null) : null;
    const resourceId = grant?.resource_id ?? named ?? byCode;
    const resource = resourceId ? lookups.resources.get(resourceId) : undefined;
    const grantId = grant ? call.grantId : null;
    const subject: Subject = {
      key: grantId ? `g:${grantId}` : `r:${resourceId ?? '-'}:d:${call.departmentId}`,
      grantId,
      resourceId,
      providerDepartmentId: grant?.provider_department_id ?? resource?.department_id ?? null,
      providerRegionId: grant?.provider_region_id ?? resource?.region_id ?? null,
      consumerDepartmentId: call.departmentId,
      consumerRegionId,
      application: call.application,
    };
    const offHours = call.outcome !== 'denied' && !inWorkingTime(call.at, rules.workingHours, calendar);
    folded.push({ ...call, grantId, resourceId, subject, offHours });
  }
  return folded;
}

/** The hourly increments of a batch: one per subject, application, hour and way. */
export function hourlyIncrements(calls: FoldedCall[]): HourlyIncrement[] {
  const rows = new Map<string, HourlyIncrement & { keys: Set<string> }>();
  for (const call of calls) {
    const hour = hourOf(call.at).toISOString();
    const id = `${call.subject.key}|${call.application}|${hour}|${call.way}`;
    let row = rows.get(id);
    if (!row) {
      const s = call.subject;
      row = {
        hour,
        way: call.way,
        grant_id: s.grantId,
        resource_id: s.resourceId,
        provider_department_id: s.providerDepartmentId,
        provider_region_id: s.providerRegionId,
        consumer_department_id: s.consumerDepartmentId,
        consumer_region_id: s.consumerRegionId,
        application: call.application,
        calls: 0,
        denied: 0,
        failed: 0,
        records: 0,
        off_hours: 0,
        key_ids: [],
        keys: new Set(),
      };
      rows.set(id, row);
    }
    row.calls += 1;
    if (call.outcome === 'denied') row.denied += 1;
    if (call.outcome === 'failure') row.failed += 1;
    row.records += call.count;
    if (call.offHours) row.off_hours += 1;
    if (call.keyId) row.keys.add(call.keyId);
  }
  return [...rows.values()].map(({ keys, ...row }) => ({ ...row, key_ids: [...keys].sort() }));
}

/** The keys of a batch under each grant, in the order they first called. */
export function keyIncrements(calls: FoldedCall[], prefixes: Map<string, string>): KeyIncrement[] {
  const rows = new Map<string, KeyIncrement>();
  for (const call of calls) {
    if (!call.grantId || !call.keyId) continue;
    const id = `${call.grantId}|${call.keyId}`;
    const at = call.at.toISOString();
    const row = rows.get(id);
    if (row) {
      row.calls += 1;
      if (at < row.first_seen) row.first_seen = at;
      if (at > row.last_seen) row.last_seen = at;
    } else {
      rows.set(id, {
        grant_id: call.grantId,
        key_id: call.keyId,
        key_prefix: prefixes.get(call.keyId) ?? null,
        application: call.application,
        first_seen: at,
        last_seen: at,
        calls: 1,
      });
    }
  }
  return [...rows.values()];
}

/**
 * The keys of a batch that are new under their grant *after* the grant's first key: a grant's very
 * first key is how use begins, every further one is worth a look (a copied key, a new system).
 */
export function newKeys(
  increments: KeyIncrement[],
  known: { grant_id: string; key_id: string }[],
): KeyIncrement[] {
  const seen = new Map<string, Set<string>>();
  for (const row of known) {
    const keys = seen.get(row.grant_id) ?? new Set<string>();
    keys.add(row.key_id);
    seen.set(row.grant_id, keys);
  }
  const fresh: KeyIncrement[] = [];
  // Increments are in the order keys first called in the batch (Map insertion order).
  for (const row of increments) {
    const keys = seen.get(row.grant_id) ?? new Set<string>();
    if (!keys.has(row.key_id)) {
      if (keys.size > 0) fresh.push(row);
      keys.add(row.key_id);
      seen.set(row.grant_id, keys);
    }
  }
  return fresh;
}
