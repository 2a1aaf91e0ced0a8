// Bulk export of the rows a grant covers (批量下载), streamed by export-stream.ts (COPY on PostgreSQL
// when the items allow it, masked pages otherwise; constant memory however slow the client). The
// audit event is written when the stream ends, with the number of rows sent, the first keys and the
// way; an export the client broke off is audited as a failure.
import type { Readable } from 'node:stream';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { fieldList } from './api.params.ts';
import type { ApiPlatform } from './api.service.ts';
import { auditedCall, dataAudit, type CallTrace } from './call-audit.ts';
import { callPlan, chosenItems, readPlan } from './call-plan.ts';
import { csvWriter, exportColumns, jsonLinesWriter, streamExport } from './export-stream.ts';

/** Formats of an export. */
export type ExportFormat = 'csv' | 'jsonl';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** An export ready to stream: its body and how to label it. */
export interface ExportStream {
  body: Readable;
  contentType: string;
  fileName: string;
}

/**
 * Starts an export. The plan is made and the first bytes read before anything is sent, so a
 * refusal or a failing read is still a problem+json answer; later failures end the stream early.
 */
export async function exportRecords(
  database: Pick<Database, 'db' | 'pool'>,
  platform: ApiPlatform,
  context: RequestContext,
  code: string,
  query: { format?: ExportFormat; fields?: string },
  purpose: string | undefined,
): Promise<ExportStream> {
  const db = database.db;
  const format = query.format ?? 'csv';
  const trace: CallTrace = { way: 'export', code, purpose };
  return auditedCall(db, context, trace, async () => {
    const plan = await callPlan(db, platform, context.actor!, code, purpose);
    trace.plan = plan;
    const read = readPlan(plan, platform.keyring, chosenItems(plan, fieldList(query.fields)));
    const columns = exportColumns(read);
    const writer = format === 'csv' ? csvWriter(columns) : jsonLinesWriter(columns);
    const { body } = await streamExport(database, plan, read, writer, (end) =>
      recordAudit(
        db,
        context,
        dataAudit(trace, end.complete ? 'success' : 'failure', {
          count: end.count,
          keys: end.keys,
          format,
          complete: end.complete,
          way: end.way,
        }),
      ),
    );
    return {
      body,
      contentType: CONTENT_TYPES[format],
      fileName: `${code.replace(/[^0-9A-Za-z_-]+/g, '_')}.${format}`,
    };
  });
}
