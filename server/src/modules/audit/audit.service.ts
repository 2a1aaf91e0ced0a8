import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { invalid } from '../../platform/errors/app-error.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import { translate, type Locale } from '../../platform/i18n/messages.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { inDepartmentScope, requireDepartmentScope } from '../../platform/policy/policy.ts';
import {
  exportBatch,
  findDepartmentRegion,
  isTopRegion,
  listAuditEvents,
  type AuditFilter,
} from './audit.repository.ts';
import type { AuditEvent, AuditEventQuery, AuditExportQuery } from './audit.schemas.ts';
import './audit.messages.ts';

/** The most rows one CSV export carries; narrower filters get the rest. */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 1000;

// A bare date means a calendar day where the platform's users are: China Standard Time (no DST).
const CHINA_OFFSET = '+08:00';

function instant(value: string, field: string): string {
  const withTime = value.length === 10 ? `${value}T00:00:00` : value;
  const withOffset = /(Z|[+-]\d{2}:\d{2})$/.test(withTime) ? withTime : `${withTime}${CHINA_OFFSET}`;
  const parsed = new Date(withOffset);
  // The pattern allows 2024-02-30 or 25:00; the round trip of the date part catches those.
  const day = value.slice(0, 10);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (
    Number.isNaN(parsed.getTime()) ||
    calendar.getUTCFullYear() !== y ||
    calendar.getUTCMonth() !== m - 1 ||
    calendar.getUTCDate() !== d
  ) {
    throw invalid(
      'audit.invalid_date',
      [{ path: `/querystring/${field}`, code: 'audit.invalid_date', params: { value } }],
      {
        value,
      },
    );
  }
  return withOffset;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return `${date.toISOString().slice(0, 10)}T00:00:00${CHINA_OFFSET}`;
}

/** The filters as given, for the audit event that records this read. */
function givenFilters(query: AuditExportQuery): Record<string, string> {
  const keys = [
    'actor',
    'departmentId',
    'action',
    'targetType',
    'targetId',
    'outcome',
    'from',
    'to',
  ] as const;
  const given: Record<string, string> = {};
  for (const key of keys) if (query[key] !== undefined) given[key] = query[key];
  return given;
}

/**
 * Turns the caller's query into an exact filter within what the caller may see. Platform admins
 * and auditors of the top region see the whole trail; an auditor of a lower region sees events
 * concerning departments of their regions, and events without a department done by people of
 * those regions. Anonymous and system events without a department belong to the top region only.
 */
async function resolveFilter(
  db: Kysely<DB>,
  context: RequestContext,
  actor: Actor,
  query: AuditExportQuery,
  action: 'audit.read' | 'audit.export',
): Promise<AuditFilter> {
  const seesAll =
    actor.role === 'platform_admin' || (actor.regionId !== null && (await isTopRegion(db, actor.regionId)));
  const filter: AuditFilter = {
    actor: query.actor,
    departmentId: query.departmentId,
    actionPrefix: query.action,
    targetType: query.targetType,
    targetId: query.targetId,
    outcome: query.outcome,
    scope: seesAll ? 'all' : { regionIds: actor.regionScope },
  };
  if (query.departmentId && !seesAll) {
    const department = await findDepartmentRegion(db, query.departmentId);
    if (department && !inDepartmentScope(actor, department)) {
      // A refused look at another region's trail is itself worth a trace.
      await recordAudit(db, context, {
        action,
        outcome: 'denied',
        targetType: 'audit_events',
        departmentId: null,
        detail: { filters: givenFilters(query), reason: 'policy.out_of_region_scope' },
      });
      requireDepartmentScope(actor, department);
    }
  }
  if (query.from) filter.from = instant(query.from, 'from');
  if (query.to) {
    const to = instant(query.to, 'to');
    filter.to =
      query.to.length === 10 ? { at: nextDay(query.to), inclusive: false } : { at: to, inclusive: true };
  }
  if (filter.from && filter.to) {
    const from = new Date(filter.from).getTime();
    const to = new Date(filter.to.at).getTime();
    if (filter.to.inclusive ? from > to : from >= to) throw invalid('audit.invalid_range');
  }
  return filter;
}

/** A page of the audit trail; the read itself is put on the trail in the same transaction. */
export async function listEvents(
  db: Kysely<DB>,
  context: RequestContext,
  actor: Actor,
  query: AuditEventQuery,
): Promise<{ items: AuditEvent[]; total: number; page: number; pageSize: number }> {
  const filter = await resolveFilter(db, context, actor, query, 'audit.read');
  const window = pageWindow(query);
  return db.transaction().execute(async (trx) => {
    const { items, total } = await listAuditEvents(trx, filter, { ...window, sort: query.sort });
    await recordAudit(trx, context, {
      action: 'audit.read',
      targetType: 'audit_events',
      departmentId: null,
      detail: { filters: givenFilters(query), page: window.page, pageSize: window.pageSize, total },
    });
    return { items, total, page: window.page, pageSize: window.pageSize };
  });
}

// Excel runs cells starting with these as formulas; a leading apostrophe keeps them text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = [
  'id',
  'seq',
  'occurredAt',
  'actorType',
  'actorId',
  'actorName',
  'actorRole',
  'departmentId',
  'departmentName',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'purpose',
  'requestId',
  'ip',
  'detail',
] as const;

function csvRow(event: AuditEvent): string {
  return CSV_COLUMNS.map((column) =>
    csvCell(column === 'detail' ? JSON.stringify(event.detail) : event[column]),
  ).join(',');
}

async function* csvChunks(db: Kysely<DB>, filter: AuditFilter, locale: Locale): AsyncGenerator<string> {
  // The BOM lets Excel read the file as UTF-8 (Chinese names and titles).
  yield `\uFEFF${CSV_COLUMNS.map((column) => csvCell(translate(`audit.csv.${column}`, locale))).join(',')}\r\n`;
  let beforeId: number | null = null;
  let sent = 0;
  while (sent < EXPORT_MAX_ROWS) {
    const events = await exportBatch(db, filter, beforeId, Math.min(EXPORT_BATCH, EXPORT_MAX_ROWS - sent));
    if (events.length === 0) return;
    yield events.map((event) => `${csvRow(event)}\r\n`).join('');
    sent += events.length;
    beforeId = events[events.length - 1]!.id;
  }
}

/**
 * Starts a CSV export of the audit trail (newest first, at most {@link EXPORT_MAX_ROWS} rows):
 * records the export on the trail, then returns the file as chunks read batch by batch, so memory
 * stays flat whatever the size.
 */
export async function exportEvents(
  db: Kysely<DB>,
  context: RequestContext,
  actor: Actor,
  query: AuditExportQuery,
  locale: Locale,
): Promise<AsyncGenerator<string>> {
  const filter = await resolveFilter(db, context, actor, query, 'audit.export');
  await recordAudit(db, context, {
    action: 'audit.export',
    targetType: 'audit_events',
    departmentId: null,
    detail: { filters: givenFilters(query), format: 'csv', maxRows: EXPORT_MAX_ROWS },
  });
  return csvChunks(db, filter, locale);
}
