// The case columns a request or dispute list shows (the case joined as `c`): due date, overdue flag,
// extension and closing, named as `CaseColumns` (sharing-views.ts) expects them.

/** Select these after `.leftJoin('cases as c', …)`. */
export const CASE_COLUMNS = [
  'c.state as case_state',
  'c.received_on as case_received_on',
  'c.due_on as case_due_on',
  'c.original_due_on as case_original_due_on',
  'c.overdue as case_overdue',
  'c.overdue_since as case_overdue_since',
  'c.extension_state as case_extension_state',
  'c.extension_workdays as case_extension_workdays',
  'c.extension_requested_workdays as case_extension_requested_workdays',
  'c.closed_at as case_closed_at',
  'c.version as case_version',
] as const;
