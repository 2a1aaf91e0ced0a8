// Reading incidents: the list (filters by state, severity, department, overdue report), one
// incident with its resources and timeline (audited), and monthly counts for the console's chart.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { SecurityRules } from '../../../platform/profiles/profile.schema.ts';
import { addMonths, iso } from '../security.dates.ts';
import { resourceRefs } from '../security.repository.ts';
import { registerScope, requireReader } from '../security.scope.ts';
import {
  countIncidentsByMonth,
  findIncident,
  incidentResourceIds,
  incidentTimeline,
  listIncidents,
  type IncidentRecord,
} from './incidents.repository.ts';
import type { IncidentQuery } from './incidents.schemas.ts';

type Rules = SecurityRules['incidents'];

/** An incident as the API shows it, with its report duty worked out. */
export function presentIncident(row: Omit<IncidentRecord, 'regionId'>, now = new Date()) {
  const due = row.reportDueAt ? new Date(row.reportDueAt) : null;
  return {
    id: row.id,
    department: { id: row.department_id, name: row.departmentName },
    title: row.title,
    severity: row.severity,
    occurredAt: iso(row.occurred_at),
    detectedAt: iso(row.detected_at)!,
    scope: row.scope,
    recordEstimate: row.record_estimate === null ? null : Number(row.record_estimate),
    state: row.state,
    containedAt: iso(row.contained_at),
    closedAt: iso(row.closed_at),
    closureSummary: row.closure_summary,
    report:
      row.reported_at && row.reported_to
        ? { reportedAt: iso(row.reported_at)!, reportedTo: row.reported_to, reference: row.report_reference }
        : null,
    reportDueAt: due ? due.toISOString() : null,
    reportOverdue: !row.reported_at && due !== null && due < now,
    reportedLate: row.reported_at !== null && due !== null && new Date(row.reported_at) > due,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** A page of the incidents the caller may read. */
export async function listVisibleIncidents(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  query: IncidentQuery,
) {
  const window = pageWindow(query);
  const { rows, total } = await listIncidents(db, rules, registerScope(context.actor!), query, window);
  return {
    items: rows.map((row) => presentIncident(row)),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** One incident with its resources and timeline; the read is audited. */
export async function readIncident(db: Kysely<DB>, context: RequestContext, rules: Rules, id: string) {
  return db.transaction().execute(async (trx) => {
    const incident = await findIncident(trx, rules, id);
    if (!incident) throw notFound('what.security_incident');
    requireReader(context.actor!, { id: incident.department_id, regionId: incident.regionId });
    const [resources, timeline] = await Promise.all([
      incidentResourceIds(trx, id).then((ids) => resourceRefs(trx, ids)),
      incidentTimeline(trx, id),
    ]);
    await recordAudit(trx, context, {
      action: 'security.incident.read',
      targetType: 'security_incident',
      targetId: id,
      departmentId: incident.department_id,
    });
    return {
      ...presentIncident(incident),
      resources: resources.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      timeline: timeline.map((t) => ({
        id: t.id,
        kind: t.kind,
        takenAt: iso(t.taken_at)!,
        description: t.description,
        actorName: t.actor_name,
      })),
    };
  });
}

/** Incidents of the last `months` months (this one included), by month and severity. */
export async function incidentStats(db: Kysely<DB>, context: RequestContext, rules: Rules, months: number) {
  const firstOfMonth = `${todayInChina().slice(0, 7)}-01`;
  const since = addMonths(firstOfMonth, 1 - months);
  const list = Array.from({ length: months }, (_, i) => addMonths(since, i).slice(0, 7));
  const rows = await countIncidentsByMonth(db, rules, registerScope(context.actor!), since);
  return {
    months: list,
    counts: rows.map((row) => ({ month: row.month, severity: row.severity, count: Number(row.count) })),
  };
}
