import { Readable } from 'node:stream';
import type { AppInstance } from '../../platform/http/types.ts';
import { Page } from '../../platform/http/pagination.ts';
import { AuditEvent, AuditEventQuery, AuditExportQuery } from './audit.schemas.ts';
import { exportEvents, listEvents } from './audit.service.ts';

const tags = ['audit'];

/** The audit trail for auditors and platform admins: search it and export it as CSV. */
export async function auditRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/audit-events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Search the audit trail (newest first); the search itself is audited',
        querystring: AuditEventQuery,
        response: { 200: Page(AuditEvent) },
      },
    },
    async (request) => listEvents(db, request.ctx, request.actor!, request.query),
  );

  app.get(
    '/audit-events/export.csv',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Export the audit trail as CSV (UTF-8 with BOM, newest first, at most 100 000 rows)',
        querystring: AuditExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const chunks = await exportEvents(db, request.ctx, request.actor!, request.query, request.locale);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-events-${day}.csv"`)
        .send(Readable.from(chunks));
    },
  );
}
