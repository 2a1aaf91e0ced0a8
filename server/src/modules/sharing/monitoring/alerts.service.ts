// Alerts as people see them (GET /share/alerts) and acknowledge them (POST …/acknowledge): the
// providing department's staff and the authority of the region; the sweep raises them.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import {
  findAlert,
  listAlerts,
  lockAlert,
  markAcknowledged,
  type AlertRecord,
  type AlertScope,
} from './alerts.repository.ts';
import { mayAcknowledge, monitoringScope } from './monitoring.scope.ts';
import type { AlertQuery } from './monitoring.schemas.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** An alert as the API shows it. */
export function presentAlert(row: AlertRecord) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    period: row.period,
    grantId: row.grant_id,
    resource:
      row.resource_id && row.resourceCode && row.resourceName
        ? { id: row.resource_id, code: row.resourceCode, name: row.resourceName }
        : null,
    provider:
      row.provider_department_id && row.providerName
        ? { id: row.provider_department_id, name: row.providerName }
        : null,
    consumer: { id: row.consumer_department_id, name: row.consumerName },
    application: row.application,
    evidence: row.evidence,
    raisedAt: iso(row.raised_at)!,
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedByName: row.acknowledged_by_name,
    acknowledgementNote: row.acknowledgement_note,
  };
}

/** A page of the alerts the caller may see (its department's resources, or its region). */
export async function listVisibleAlerts(db: Kysely<DB>, context: RequestContext, query: AlertQuery) {
  const scope = monitoringScope(context.actor!, query.side) as AlertScope;
  const window = pageWindow(query);
  const { rows, total } = await listAlerts(db, scope, query, window);
  return { items: rows.map(presentAlert), total, page: window.page, pageSize: window.pageSize };
}

/**
 * Acknowledges an open alert with a note (what was found or done), audited as
 * `share.alert.acknowledge`: 403 for anyone but the provider's staff or the region's authority,
 * 409 when it was already acknowledged.
 */
export async function acknowledgeAlert(db: Kysely<DB>, context: RequestContext, id: string, note: string) {
  const text = note.trim();
  if (!text)
    throw invalid('share.monitor.note_required', [
      { path: '/body/note', code: 'share.monitor.note_required' },
    ]);
  const actor = context.actor!;
  await db.transaction().execute(async (trx) => {
    const alert = await lockAlert(trx, id);
    if (!alert) throw notFound('what.share_alert');
    if (!mayAcknowledge(actor, alert)) throw forbidden('share.monitor.acknowledge_not_allowed');
    if (alert.state !== 'open') throw conflict('share.monitor.already_acknowledged');
    await markAcknowledged(trx, id, { id: actor.id, name: actor.displayName, note: text });
    await recordAudit(trx, context, {
      action: 'share.alert.acknowledge',
      targetType: 'share_alert',
      targetId: id,
      departmentId: alert.provider_department_id ?? alert.consumer_department_id,
      detail: { kind: alert.kind, grantId: alert.grant_id, period: alert.period, note: text },
    });
  });
  return presentAlert((await findAlert(db, id))!);
}
