import type { AppInstance } from '../../../platform/http/types.ts';
import { Page } from '../../../platform/http/pagination.ts';
import { acknowledgeAlert, listVisibleAlerts } from './alerts.service.ts';
import {
  AcknowledgeBody,
  Alert,
  AlertParams,
  AlertQuery,
  UsageQuery,
  UsageReport,
} from './monitoring.schemas.ts';
import { usageReport } from './usage.service.ts';

const tags = ['sharing'];
const read = { permission: 'share.read' } as const;

/** Use monitoring of shared data: usage reports and alerts (see docs/sharing-monitoring.md). */
export async function shareMonitoringRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/share/usage',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Use of shared data as a daily or hourly series with the top callers: the provider's resources, the consumer's calls or the authority's region",
        querystring: UsageQuery,
        response: { 200: UsageReport },
      },
    },
    async (request) => usageReport(db, request.ctx, request.query),
  );

  app.get(
    '/share/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: "Alerts on the use of the caller's department's resources, or of its region (authority)",
        querystring: AlertQuery,
        response: { 200: Page(Alert) },
      },
    },
    async (request) => listVisibleAlerts(db, request.ctx, request.query),
  );

  app.post(
    '/share/alerts/:id/acknowledge',
    {
      config: read,
      schema: {
        tags,
        summary: "Acknowledge an alert with a note (the provider's staff or the region's authority)",
        params: AlertParams,
        body: AcknowledgeBody,
        response: { 200: Alert },
      },
    },
    async (request) => acknowledgeAlert(db, request.ctx, request.params.id, request.body.note),
  );
}
