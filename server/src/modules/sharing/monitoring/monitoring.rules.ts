// The rules of use monitoring. Each reads the rollup totals of what a batch touched (so calls folded
// in earlier batches count too) and yields alerts with their evidence; thresholds come from
// `profile.sharing.monitoring` and the evidence names the profile field it was measured against.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  chinaDate,
  chinaDayRange,
  chinaHourLabel,
  hourOf,
  type MonitoringRules,
} from './monitoring.calls.ts';
import type { FoldedCall, Subject } from './monitoring.fold.ts';
import type { ShareAlertKind } from './monitoring.tables.ts';
import {
  deniedTotals,
  lookupHistory,
  lookupTotals,
  offHoursTotals,
  type KeyIncrement,
  type NewAlert,
} from './sweep.repository.ts';

const PROFILE = 'sharing.monitoring';

/** An alert of `kind` about a subject for a period; the same three never raise twice. */
export function alertFor(
  kind: ShareAlertKind,
  subject: Subject,
  period: string,
  evidence: Record<string, unknown>,
): NewAlert {
  return {
    kind,
    dedupe_key: `${kind}|${subject.key}|${period}`,
    period,
    grant_id: subject.grantId,
    resource_id: subject.resourceId,
    provider_department_id: subject.providerDepartmentId,
    provider_region_id: subject.providerRegionId,
    consumer_department_id: subject.consumerDepartmentId,
    consumer_region_id: subject.consumerRegionId,
    // The authority of the provider's region oversees the use of its data; a call naming no known
    // resource is overseen where the caller is.
    region_id: subject.providerRegionId ?? subject.consumerRegionId,
    application: subject.application,
    evidence,
  };
}

/** Groups a batch's calls by a period of their subject, keeping the subject and the keys that called. */
function touched(calls: FoldedCall[], period: (call: FoldedCall) => string | null) {
  const groups = new Map<
    string,
    { subject: Subject; period: string; keys: Set<string>; purposes: Set<string>; reasons: Set<string> }
  >();
  for (const call of calls) {
    const p = period(call);
    if (p === null) continue;
    const id = `${call.subject.key}|${p}`;
    const group = groups.get(id) ?? {
      subject: call.subject,
      period: p,
      keys: new Set(),
      purposes: new Set(),
      reasons: new Set(),
    };
    if (call.keyId) group.keys.add(call.keyId);
    if (call.purpose) group.purposes.add(call.purpose);
    if (call.reason) group.reasons.add(call.reason);
    groups.set(id, group);
  }
  return groups;
}

/** The rule context: the transaction, thresholds and the shown prefixes of the batch's keys. */
export interface RuleContext {
  trx: Kysely<DB>;
  rules: MonitoringRules;
  prefixes: Map<string, string>;
}

const prefixesOf = (context: RuleContext, keys: Set<string>) =>
  [...keys].map((key) => context.prefixes.get(key) ?? key.slice(0, 8)).sort();

/**
 * Rule 1, bulk scraping through lookups: an hour of a grant with more lookups than `lookupsPerHour`
 * (`bulk_lookup`), or, below that, more than `historyFactor` × the grant's usual hour once it has
 * `historyMinActiveHours` earlier active hours within `historyWindowDays` (`usage_spike`).
 */
export async function lookupAlerts(context: RuleContext, calls: FoldedCall[]): Promise<NewAlert[]> {
  const { rules } = context;
  const groups = touched(calls, (c) =>
    c.grantId && c.way === 'lookup' && c.outcome !== 'denied' ? hourOf(c.at).toISOString() : null,
  );
  const pairs = [...groups.values()].map((g) => ({ grant_id: g.subject.grantId!, hour: g.period }));
  const totals = await lookupTotals(context.trx, pairs);
  const alerts: NewAlert[] = [];
  const evidence = (total: (typeof totals)[number]) => {
    const hour = new Date(total.hour).toISOString();
    const group = groups.get(`g:${total.grant_id}|${hour}`)!;
    const shown = {
      lookups: total.lookups,
      hour: chinaHourLabel(new Date(hour)),
      keyPrefixes: prefixesOf(context, group.keys),
    };
    return { group, hour, shown };
  };
  for (const total of totals.filter((t) => t.lookups > rules.lookupsPerHour)) {
    const { group, hour, shown } = evidence(total);
    alerts.push(
      alertFor('bulk_lookup', group.subject, hour, {
        ...shown,
        threshold: rules.lookupsPerHour,
        profilePath: `${PROFILE}.lookupsPerHour`,
      }),
    );
  }
  // An active hour has at least one lookup, so the usual hour is at least 1: an hour with no more
  // than historyFactor lookups can never be a spike, and its history is not read (most hours).
  const candidates = totals.filter(
    (t) => t.lookups <= rules.lookupsPerHour && t.lookups > rules.historyFactor,
  );
  const history = await lookupHistory(
    context.trx,
    candidates.map((t) => ({ grant_id: t.grant_id, hour: new Date(t.hour).toISOString() })),
    rules.historyWindowDays,
  );
  const usual = new Map(history.map((h) => [`${h.grant_id}|${new Date(h.hour).toISOString()}`, h]));
  for (const total of candidates) {
    const past = usual.get(`${total.grant_id}|${new Date(total.hour).toISOString()}`);
    if (!past || past.median === null || past.active_hours < rules.historyMinActiveHours) continue;
    if (total.lookups <= rules.historyFactor * past.median) continue;
    const { group, hour, shown } = evidence(total);
    alerts.push(
      alertFor('usage_spike', group.subject, hour, {
        ...shown,
        usualHour: past.median,
        activeHours: past.active_hours,
        factor: rules.historyFactor,
        threshold: rules.historyFactor * past.median,
        profilePath: `${PROFILE}.historyFactor`,
      }),
    );
  }
  return alerts;
}

/** Rule 2: more than `offHoursCallsPerDay` calls of a grant outside working time on one China day. */
export async function offHoursAlerts(context: RuleContext, calls: FoldedCall[]): Promise<NewAlert[]> {
  const { rules } = context;
  const groups = touched(calls, (c) => (c.grantId && c.offHours ? chinaDate(c.at) : null));
  const days = [...groups.values()].map((g) => {
    const { from, to } = chinaDayRange(g.period);
    return { grant_id: g.subject.grantId!, date: g.period, from: from.toISOString(), to: to.toISOString() };
  });
  const totals = await offHoursTotals(context.trx, days);
  return totals
    .filter((total) => total.calls > rules.offHoursCallsPerDay)
    .map((total) => {
      const group = groups.get(`g:${total.grant_id}|${total.date}`)!;
      return alertFor('off_hours', group.subject, total.date, {
        offHoursCalls: total.calls,
        date: total.date,
        workingHours: rules.workingHours,
        keyPrefixes: prefixesOf(context, group.keys),
        threshold: rules.offHoursCallsPerDay,
        profilePath: `${PROFILE}.offHoursCallsPerDay`,
      });
    });
}

/** Rule 3: a key calling under a grant that already had another key (when `alertOnNewKey`). */
export function newKeyAlerts(
  context: RuleContext,
  fresh: KeyIncrement[],
  subjects: Map<string, Subject>,
): NewAlert[] {
  if (!context.rules.alertOnNewKey) return [];
  return fresh.map((key) =>
    alertFor(
      'new_key',
      { ...subjects.get(key.grant_id)!, application: key.application },
      `key:${key.key_id}`,
      {
        keyId: key.key_id,
        keyPrefix: key.key_prefix ?? key.key_id.slice(0, 8),
        firstSeen: key.first_seen,
        hour: chinaHourLabel(hourOf(new Date(key.first_seen))),
        threshold: true,
        profilePath: `${PROFILE}.alertOnNewKey`,
      },
    ),
  );
}

/**
 * Rule 4: more than `deniedCallsPerHour` refused calls in an hour, by grant or, refused without a
 * grant, by calling department and resource (a purpose outside the grant, another application's key).
 */
export async function deniedAlerts(context: RuleContext, calls: FoldedCall[]): Promise<NewAlert[]> {
  const { rules } = context;
  const groups = touched(calls, (c) => (c.outcome === 'denied' ? hourOf(c.at).toISOString() : null));
  const subjects = [...groups.entries()].map(([key, g]) => ({
    key,
    consumer_department_id: g.subject.consumerDepartmentId,
    grant_id: g.subject.grantId,
    resource_id: g.subject.resourceId,
    hour: g.period,
  }));
  const totals = await deniedTotals(context.trx, subjects);
  return totals
    .filter((total) => total.denied > rules.deniedCallsPerHour)
    .map((total) => {
      const group = groups.get(total.key)!;
      return alertFor('denied_calls', group.subject, group.period, {
        deniedCalls: total.denied,
        hour: chinaHourLabel(new Date(group.period)),
        purposes: [...group.purposes].sort().slice(0, 10),
        reasons: [...group.reasons].sort().slice(0, 10),
        keyPrefixes: prefixesOf(context, group.keys),
        threshold: rules.deniedCallsPerHour,
        profilePath: `${PROFILE}.deniedCallsPerHour`,
      });
    });
}
