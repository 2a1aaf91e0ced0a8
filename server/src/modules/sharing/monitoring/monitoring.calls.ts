// Reading the sharing API's audit events as calls, and the clock of monitoring: hours, China days and
// working time. Pure functions: the sweep and the tests share them.
import { AppError } from '../../../platform/errors/app-error.ts';
import type { WorkCalendar } from '../../../platform/calendar/calendar.ts';
import { dayNumber, weekday } from '../../../platform/calendar/dates.ts';
import type { SharingRules } from '../../../platform/profiles/profile.schema.ts';
import type { ShareWay } from './monitoring.tables.ts';

/** The monitoring thresholds of the active profile (`profile.sharing.monitoring`). */
export type MonitoringRules = SharingRules['monitoring'];

/** The ways of calling, in the order the API shows them. */
export const WAYS: readonly ShareWay[] = ['lookup', 'query', 'export', 'changes', 'live'];

/** An audit event of the sharing API as the sweep reads it. */
export interface DataEventRow {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  department_id: string | null;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  target_type: string | null;
  target_id: string | null;
  purpose: string | null;
  detail: Record<string, unknown>;
}

/** One call of the sharing API, from its audit event (the audit contract in docs/sharing-monitoring.md). */
export interface DataCall {
  seq: number;
  at: Date;
  way: ShareWay;
  outcome: 'success' | 'denied' | 'failure';
  /** The grant named by the event (target_id), when it is a well-formed id. */
  grantId: string | null;
  /** The resource named in the detail, when it is a well-formed id. */
  resourceId: string | null;
  /** The catalog code called (a refusal before the grant was found names only the code). */
  resourceCode: string | null;
  departmentId: string;
  keyId: string | null;
  application: string;
  count: number;
  purpose: string | null;
  /** Why a refused or failed call was refused (the API's message key), when it says. */
  reason: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid (ids from audit detail are data, not trusted to be well-formed). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The call an event records, or null for an event the sweep cannot attribute (an unknown way, or no
 * calling department): such events are counted as skipped and never break the sweep.
 */
export function callOf(event: DataEventRow): DataCall | null {
  const way = event.action.slice('share.data.'.length) as ShareWay;
  if (!WAYS.includes(way) || !event.department_id) return null;
  const detail = event.detail ?? {};
  const grantId = event.target_type === 'share_grant' && isUuid(event.target_id) ? event.target_id : null;
  const count = typeof detail.count === 'number' && Number.isFinite(detail.count) ? detail.count : 0;
  return {
    seq: event.seq,
    at: new Date(event.occurred_at),
    way,
    outcome: event.outcome,
    grantId: grantId ?? (isUuid(detail.grantId) ? detail.grantId : null),
    resourceId: isUuid(detail.resourceId) ? detail.resourceId : null,
    resourceCode: typeof detail.resourceCode === 'string' ? detail.resourceCode.slice(0, 100) : null,
    departmentId: event.department_id,
    keyId: event.actor_id,
    application: event.actor_name ?? '',
    count: Math.max(0, Math.trunc(count)),
    purpose: event.purpose,
    reason: typeof detail.reason === 'string' ? detail.reason.slice(0, 100) : null,
  };
}

const HOUR_MS = 3_600_000;
// China Standard Time, UTC+8 all year: China's hours begin on UTC hours.
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The start of the hour a moment falls in. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** The China date ('YYYY-MM-DD') of a moment. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first moment of a China date and the first moment of the next one. */
export function chinaDayRange(date: string): { from: Date; to: Date } {
  const day = dayNumber(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  const from = new Date(day * 24 * HOUR_MS - CHINA_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 24 * HOUR_MS) };
}

/** An hour written in China time, e.g. `2026-10-01T10:00+08:00` (evidence people read). */
export function chinaHourLabel(hour: Date): string {
  return `${new Date(hour.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16)}+08:00`;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a date is a working day. A year the calendar has no schedule for falls back to Monday–
 * Friday, so a missing import never stops monitoring (the calendar page shows the missing year).
 */
function isWorkday(calendar: WorkCalendar, date: string): boolean {
  try {
    return calendar.isWorkday(date);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const dow = weekday(dayNumber(date)!);
    return dow !== 0 && dow !== 6;
  }
}

/**
 * Whether a call falls in working time: a working day of the calendar (holidays and weekends are
 * not; make-up working days are) and within `workingHours` in China time. An end at or before the
 * start means the hours run over midnight.
 */
export function inWorkingTime(at: Date, hours: MonitoringRules['workingHours'], calendar: WorkCalendar) {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const inHours = end > start ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  return inHours && isWorkday(calendar, local.toISOString().slice(0, 10));
}
