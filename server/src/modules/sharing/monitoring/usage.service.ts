// The usage report (GET /share/usage): who uses shared data, for what and how often, seen from the
// provider, the consumer or the authority; a daily or hourly series, the top callers and, for one
// grant, the keys that called. The read is audited.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { addDays, dayNumber, todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { findGrant } from '../grants/grants.repository.ts';
import { chinaDayRange, chinaHourLabel, WAYS } from './monitoring.calls.ts';
import { inMonitoringScope, monitoringScope } from './monitoring.scope.ts';
import type { UsageQuery } from './monitoring.schemas.ts';
import type { ShareWay } from './monitoring.tables.ts';
import { grantKeys, topApplications, usageSeries } from './usage.repository.ts';

// Bounds of one report (not regulation numbers: they keep one response and one query small).
const MAX_DAYS = 366;
const MAX_HOUR_DAYS = 31;
const DEFAULT_DAYS = 30;
const TOP = 10;

/** The days asked for, defaulted and checked (400 for a reversed or too long range). */
function reportRange(query: UsageQuery, granularity: 'day' | 'hour') {
  const to = query.to ?? todayInChina();
  const from = query.from ?? (granularity === 'day' ? addDays(to, 1 - DEFAULT_DAYS) : to);
  const days = dayNumber(to)! - dayNumber(from)! + 1;
  if (days < 1)
    throw invalid('share.monitor.range_reversed', [
      { path: '/querystring/from', code: 'share.monitor.range_reversed' },
    ]);
  if (days > (granularity === 'day' ? MAX_DAYS : MAX_HOUR_DAYS))
    throw invalid('share.monitor.range_too_long', [], { maxDays: MAX_DAYS, maxHourDays: MAX_HOUR_DAYS });
  return { from, to, days };
}

const zeroWays = (): Record<ShareWay, number> => ({ lookup: 0, query: 0, export: 0, changes: 0, live: 0 });
const zero = () => ({ calls: 0, denied: 0, failed: 0, records: 0, offHours: 0 });

/** Every period of the range, so that a chart shows quiet days as zero. */
function periodsOf(from: string, days: number, granularity: 'day' | 'hour'): string[] {
  if (granularity === 'day') return Array.from({ length: days }, (_, i) => addDays(from, i));
  const start = chinaDayRange(from).from.getTime();
  return Array.from({ length: days * 24 }, (_, i) => chinaHourLabel(new Date(start + i * 3_600_000)));
}

/** The usage report the caller may see; 403 for a side or grant outside its scope. */
export async function usageReport(db: Kysely<DB>, context: RequestContext, query: UsageQuery) {
  const actor = context.actor!;
  const scope = monitoringScope(actor, query.side);
  const granularity = query.granularity ?? 'day';
  const range = reportRange(query, granularity);
  if (query.grantId) {
    const grant = await findGrant(db, query.grantId);
    if (!grant) throw notFound('what.share_grant');
    if (!inMonitoringScope(scope, grant)) throw forbidden('share.monitor.grant_out_of_scope');
  }
  const filter = {
    grantId: query.grantId,
    resourceId: query.resourceId,
    from: chinaDayRange(range.from).from,
    to: chinaDayRange(range.to).to,
  };
  return db.transaction().execute(async (trx) => {
    const [rows, top, keys] = await Promise.all([
      usageSeries(trx, scope, filter, granularity),
      topApplications(trx, scope, filter, TOP),
      query.grantId ? grantKeys(trx, query.grantId) : Promise.resolve([]),
    ]);
    const series = new Map(
      periodsOf(range.from, range.days, granularity).map((period) => [
        period,
        { period, ...zero(), byWay: zeroWays() },
      ]),
    );
    const totals = zero();
    for (const row of rows) {
      const entry = series.get(row.period);
      if (!entry) continue;
      for (const sum of [entry, totals]) {
        sum.calls += row.calls;
        sum.denied += row.denied;
        sum.failed += row.failed;
        sum.records += row.records;
        sum.offHours += row.offHours;
      }
      if (WAYS.includes(row.way)) entry.byWay[row.way] += row.calls;
    }
    await recordAudit(trx, context, {
      action: 'share.usage.read',
      targetType: query.grantId ? 'share_grant' : null,
      targetId: query.grantId ?? null,
      detail: {
        side: scope.side,
        resourceId: query.resourceId ?? null,
        from: range.from,
        to: range.to,
        granularity,
      },
    });
    return {
      side: scope.side,
      granularity,
      from: range.from,
      to: range.to,
      series: [...series.values()],
      totals,
      topApplications: top.map((row) => ({
        department: { id: row.departmentId, name: row.departmentName },
        application: row.application,
        grantId: row.grantId,
        purpose: row.purpose,
        resource:
          row.resourceId && row.resourceCode && row.resourceName
            ? { id: row.resourceId, code: row.resourceCode, name: row.resourceName }
            : null,
        calls: row.calls,
        denied: row.denied,
        records: row.records,
      })),
      keys: keys.map((key) => ({
        keyPrefix: key.key_prefix,
        application: key.application,
        firstSeen: new Date(key.first_seen).toISOString(),
        lastSeen: new Date(key.last_seen).toISOString(),
        calls: Number(key.calls),
      })),
    };
  });
}
