// Pulls as the API shows them: the secret masked, the last run with its batch.
import { translate, type Locale } from '../../../platform/i18n/messages.ts';
import type { BatchRow } from '../batches.repository.ts';
import { presentBatch } from '../pools.presenter.ts';
import type { PullRow } from './pulls.repository.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** A pull, never with its secret: only whether one is set. */
export function presentPull(pull: PullRow, lastBatch: BatchRow | null, locale: Locale) {
  const failureParams = lastBatch?.failure === pull.last_failure ? (lastBatch?.failure_params ?? {}) : {};
  return {
    id: pull.id,
    resourceId: pull.resource_id,
    name: pull.name,
    kind: pull.kind,
    url: pull.url,
    query: pull.query,
    headerName: pull.header_name,
    secret: pull.secret === null ? null : ('******' as const),
    mode: pull.mode,
    intervalMinutes: pull.interval_minutes,
    enabled: pull.enabled,
    running: pull.running_since !== null,
    nextRunAt: iso(pull.next_run_at)!,
    lastRunAt: iso(pull.last_run_at),
    lastState: pull.last_state,
    lastFailure: pull.last_failure,
    lastFailureMessage: pull.last_failure ? translate(pull.last_failure, locale, failureParams) : null,
    lastBatch: lastBatch ? presentBatch(lastBatch, locale) : null,
    createdBy: pull.created_by,
    createdAt: iso(pull.created_at)!,
  };
}
