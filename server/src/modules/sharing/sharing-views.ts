// What requests, grants and disputes have in common in the API: references to resources and
// departments, masking maps, and the case behind a request or dispute with its steps, due date,
// overdue flag and extension (the applicant sees every step and its due date).
import { Type, type TSchema } from 'typebox';
import type { WorkCalendar } from '../../platform/calendar/calendar.ts';
import type { CaseTransitionRow } from '../../platform/cases/cases.repository.ts';
import { MaskRule } from '../../platform/masking/rules.ts';

/** A schema or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A calendar date, `YYYY-MM-DD`. */
export const Day = Type.String({ format: 'date' });

/** A catalog resource as the sharing API names it. */
export const ResourceRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

/** The resource reference of a row that carries its id, code and (published) name. */
export const resourceRef = (row: {
  resource_id: string;
  resource_code: string;
  resource_name: string | null;
}) => ({
  id: row.resource_id,
  code: row.resource_code,
  name: row.resource_name ?? row.resource_code,
});

/**
 * The security level (分级) and sub-level of a listed item's resource, from its published catalog
 * entry: null when the resource is not in the published catalog (withdrawn), and in the open-data
 * answers also when the reader is a public user (the public is not told the grades).
 */
export const LevelFields = {
  securityLevel: Nullable(Type.String()),
  securitySubLevel: Nullable(Type.String()),
};

/** The level columns a listed row carries (joined from `catalog_entries`). */
export interface LevelColumns {
  security_level: string | null;
  security_sublevel: string | null;
}

/** The level fields of a listed row; both null when `shown` is false (a public reader). */
export const levelOf = (row: LevelColumns, shown = true) => ({
  securityLevel: shown ? row.security_level : null,
  securitySubLevel: shown ? row.security_sublevel : null,
});

/** A department as the sharing API names it. */
export const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });

/** Item (field name) → the masking rule that replaces the provider's rule for this grant. */
export const MaskingMap = Type.Record(Type.String({ minLength: 1, maxLength: 64 }), MaskRule, {
  maxProperties: 200,
});

/**
 * Row conditions in responses. Values keep their JSON type: a serializer given the request schema's
 * union of string, number and boolean would print `true` as "true".
 */
export const RowConditionsOut = Type.Array(
  Type.Object({ field: Type.String(), op: Type.String(), value: Type.Optional(Type.Unknown()) }),
);

/** `:id` of a sharing route. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** One step of a case. */
export const CaseStep = Type.Object({
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  actorName: Nullable(Type.String()),
  occurredAt: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

/** The case behind a conditional request or a dispute. */
export const ShareCase = Type.Object({
  id: Type.String(),
  state: Type.String(),
  receivedOn: Type.String(),
  dueOn: Nullable(Type.String()),
  originalDueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  overdueSince: Nullable(Type.String()),
  /** Working days from today to the due date (0: due today; negative: overdue); null once closed or without deadline. */
  workdaysLeft: Nullable(Type.Integer()),
  extensionWorkdays: Type.Integer(),
  extension: Nullable(Type.Object({ state: Type.String(), workdays: Type.Integer() })),
  closedAt: Nullable(Type.String()),
  /** The case version, for the extension routes (`/cases/:id/extension`). */
  version: Type.Integer(),
  history: Type.Array(CaseStep),
});

/** The case columns a listed request or dispute carries (joined, prefixed `case_`). */
export interface CaseColumns {
  case_id: string | null;
  case_state: string | null;
  case_received_on: string | null;
  case_due_on: string | null;
  case_original_due_on: string | null;
  case_overdue: boolean | null;
  case_overdue_since: string | null;
  case_extension_state: string | null;
  case_extension_workdays: number | null;
  case_extension_requested_workdays: number | null;
  case_closed_at: Date | string | null;
  case_version: number | null;
}

/** A timestamp as ISO text, or null. */
export const iso = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null;

/** The due date, overdue flag and working days left of an open case; nulls once it is closed. */
export function caseClock(row: CaseColumns, calendar: WorkCalendar, today: string) {
  const open = row.case_id !== null && row.case_closed_at === null;
  return {
    dueOn: open ? row.case_due_on : null,
    overdue: open && row.case_overdue === true,
    // The sweep's overdue flag may lag up to its interval; the count is today's.
    workdaysLeft: open && row.case_due_on ? calendar.workdaysLeft(row.case_due_on, today) : null,
  };
}

/** The case with its steps, as the API shows it; null for a row without a case. */
export function presentCase(
  row: CaseColumns,
  steps: readonly CaseTransitionRow[],
  calendar: WorkCalendar,
  today: string,
) {
  if (!row.case_id) return null;
  const clock = caseClock(row, calendar, today);
  return {
    id: row.case_id,
    state: row.case_state ?? '',
    receivedOn: row.case_received_on ?? '',
    dueOn: row.case_due_on,
    originalDueOn: row.case_original_due_on,
    overdue: row.case_overdue === true,
    overdueSince: row.case_overdue_since,
    workdaysLeft: clock.workdaysLeft,
    extensionWorkdays: row.case_extension_workdays ?? 0,
    extension: row.case_extension_state
      ? { state: row.case_extension_state, workdays: row.case_extension_requested_workdays ?? 0 }
      : null,
    closedAt: iso(row.case_closed_at),
    version: row.case_version ?? 1,
    history: steps.map((step) => ({
      action: step.action,
      fromState: step.from_state,
      toState: step.to_state,
      actorName: step.actor_name,
      occurredAt: iso(step.occurred_at)!,
      detail: step.detail,
    })),
  };
}
