import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/types.ts';
import { securityOverview } from './overview.service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const OverviewRow = Type.Object({
  department: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }),
  currentPlans: Type.Integer(),
  /** A current plan was approved longer ago than the profile's review interval. */
  planReviewOverdue: Type.Boolean(),
  lastDrillOn: Nullable(Type.String()),
  /** Null when never drilled: due now. */
  drillDueOn: Nullable(Type.String()),
  drillOverdue: Type.Boolean(),
  lastAssessmentOn: Nullable(Type.String()),
  assessmentDueOn: Nullable(Type.String()),
  assessmentOverdue: Type.Boolean(),
  openIncidents: Type.Integer(),
  reportsOverdue: Type.Integer(),
});

/** The security overview per department (oversight board, evaluation). */
export async function securityOverviewRoutes(app: AppInstance) {
  const platform = app.platform;
  app.get(
    '/security/overview',
    {
      config: { permission: 'security.incident.read' },
      schema: {
        tags: ['security'],
        summary:
          'Per department: last drill and assessment, due dates and overdue flags from the profile, open incidents, overdue reports',
        response: {
          200: Type.Object({
            today: Type.String(),
            intervals: Type.Object({
              planReviewMonths: Type.Integer(),
              drillMonths: Type.Integer(),
              assessmentMonths: Type.Integer(),
            }),
            items: Type.Array(OverviewRow),
          }),
        },
      },
    },
    async (request) => securityOverview(platform.database.db, request.ctx, platform.profile.security),
  );
}
