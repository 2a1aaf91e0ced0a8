import type { CaseRow, CaseTransitionRow } from '../../platform/cases/cases.repository.ts';
import { Page } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import {
  Case,
  CaseDetail,
  CaseListQuery,
  CaseParams,
  ExtensionDecisionBody,
  ExtensionRequestBody,
} from './cases.schemas.ts';
import { decideCaseExtension, listVisibleCases, readCase, requestCaseExtension } from './cases.service.ts';

const tags = ['cases'];
const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The API view of a case row. */
export function presentCase(row: CaseRow & { department_name: string }): Case {
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    subject: row.subject,
    rule: row.rule,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    originalDueOn: row.original_due_on,
    extensionWorkdays: row.extension_workdays,
    extension: row.extension_state
      ? {
          state: row.extension_state,
          workdays: row.extension_requested_workdays ?? 0,
          reason: row.extension_reason,
          requestedBy: row.extension_requested_by,
          requestedAt: iso(row.extension_requested_at),
          decidedBy: row.extension_decided_by,
          decidedAt: iso(row.extension_decided_at),
          decisionReason: row.extension_decision_reason,
        }
      : null,
    closedAt: iso(row.closed_at),
    overdue: row.overdue,
    overdueSince: row.overdue_since,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

function presentDetail({
  row,
  history,
}: {
  row: CaseRow & { department_name: string };
  history: CaseTransitionRow[];
}) {
  return {
    ...presentCase(row),
    history: history.map((step) => ({
      action: step.action,
      fromState: step.from_state,
      toState: step.to_state,
      actorType: step.actor_type,
      actorName: step.actor_name,
      occurredAt: step.occurred_at.toISOString(),
      detail: step.detail,
    })),
  };
}

/** Cases: the list (scoped), one case with its history, and deadline extensions. */
export async function caseRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'Cases with deadlines the caller may see (own department, or the regions of an authority/auditor)',
        querystring: CaseListQuery,
        response: { 200: Page(Case) },
      },
    },
    async (request) => {
      const result = await listVisibleCases(db, request.ctx, request.actor!, request.query);
      return { ...result, items: result.rows.map(presentCase) };
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'One case with its history',
        params: CaseParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => presentDetail(await readCase(db, request.ctx, request.actor!, request.params.id)),
  );

  app.post(
    '/cases/:id/extension',
    {
      config: { permission: 'case.extension.request' },
      schema: {
        tags,
        summary: "Request more time (within the profile's extension limit) — responsible department only",
        params: CaseParams,
        body: ExtensionRequestBody,
        response: { 200: CaseDetail },
      },
    },
    async (request) =>
      presentDetail(await requestCaseExtension(db, request.ctx, platform, request.params.id, request.body)),
  );

  app.post(
    '/cases/:id/extension/decision',
    {
      config: { permission: 'case.extension.approve' },
      schema: {
        tags,
        summary: "Approve or refuse an extension request — the responsible department's head only",
        params: CaseParams,
        body: ExtensionDecisionBody,
        response: { 200: CaseDetail },
      },
    },
    async (request) =>
      presentDetail(await decideCaseExtension(db, request.ctx, platform, request.params.id, request.body)),
  );
}
