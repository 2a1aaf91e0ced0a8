// Real-time pass-through (实时查询, CQ18 §18): the record is asked of the provider's own registered
// system, not read from the pool. The platform authorises the call under the grant, keeps only the
// granted items of the answer, checks the grant's row conditions on it, masks and audits it. The
// provider's failures are mapped: no answer in time → 504, an unusable answer → 502, its 404 → 404,
// all problem+json; a redirect is followed only within the same origin.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { SignedEnvelope } from '../../../platform/crypto/envelope.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { maskRow } from '../../../platform/masking/plan.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { conditionsSql } from '../grants/row-filter.ts';
import { recordHolds } from './api.repository.ts';
import { fieldList, parseRecordKey } from './api.params.ts';
import type { ApiPlatform } from './api.service.ts';
import { auditedCall, dataAudit, type CallTrace } from './call-audit.ts';
import { callPlan, chosenItems } from './call-plan.ts';
import { findProviderSystem } from './provider-systems.repository.ts';
import { providerHeader } from './provider-systems.service.ts';

/** The largest answer read from a provider's system (one record). */
export const LIVE_ANSWER_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;

/** What a pass-through call answers (signed as is when asked for). */
export interface LiveBody {
  resourceCode: string;
  grantId: string;
  purpose: string;
  key: Record<string, string>;
  record: Record<string, unknown>;
  source: 'provider_system';
  servedAt: string;
}

const badAnswer = (reason: string) => new AppError(502, 'share.live.bad_answer', { reason });

async function readBody(response: Response, timeoutMs: number, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      bytes += next.value.byteLength;
      if (bytes > LIVE_ANSWER_BYTES) throw badAnswer(`more than ${LIVE_ANSWER_BYTES} bytes`);
      chunks.push(next.value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof AppError) throw error;
    if (signal.aborted) throw new AppError(504, 'share.live.timeout', { ms: timeoutMs });
    throw badAnswer('the answer broke off');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badAnswer('not UTF-8');
  }
}

/**
 * Calls the provider's system and returns its JSON object. Only http(s); redirects only to the same
 * origin (scheme, host and port), at most three; the whole call, body included, within the timeout.
 * Null when the system answers 404 (it has no such record).
 */
export async function callProviderSystem(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Record<string, unknown> | null> {
  const signal = AbortSignal.timeout(timeoutMs);
  let target = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw badAnswer('not http(s)');
    let response: Response;
    try {
      response = await fetch(target, {
        headers: { accept: 'application/json', ...headers },
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw new AppError(504, 'share.live.timeout', { ms: timeoutMs });
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new AppError(502, 'share.live.unreachable', { reason: cause ?? 'connection failed' });
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw badAnswer(`HTTP ${response.status} without Location`);
      const next = new URL(location, target);
      if (next.origin !== target.origin)
        throw new AppError(502, 'share.live.redirect', { location: next.origin });
      target = next;
      continue;
    }
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw badAnswer(`HTTP ${response.status}`);
    }
    const text = await readBody(response, timeoutMs, signal);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw badAnswer('not JSON');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw badAnswer('not a JSON object');
    return value as Record<string, unknown>;
  }
  throw badAnswer(`more than ${MAX_REDIRECTS} redirects`);
}

/** A record asked of the provider's own system under the grant: granted items only, masked, audited. */
export async function liveRecord(
  db: Kysely<DB>,
  platform: ApiPlatform,
  context: RequestContext,
  code: string,
  rawKey: string,
  options: { purpose?: string; fields?: string; signed?: boolean },
): Promise<LiveBody | SignedEnvelope<LiveBody>> {
  const trace: CallTrace = { way: 'live', code, purpose: options.purpose };
  return auditedCall(db, context, trace, async () => {
    const plan = await callPlan(db, platform, context.actor!, code, options.purpose);
    trace.plan = plan;
    const items = chosenItems(plan, fieldList(options.fields));
    const key = parseRecordKey(code, plan.keyColumns, plan.table.columns, rawKey);
    const system = await findProviderSystem(db, plan.resource.resource_id);
    if (!system) throw new AppError(404, 'share.live.no_system', { code });
    const timeoutMs = platform.profile.sharing.api.passthroughTimeoutMs;
    const url = system.url_template.replaceAll('{key}', encodeURIComponent(key.text));
    const answer = await callProviderSystem(url, providerHeader(platform.keyring, system), timeoutMs);
    if (!answer) throw new AppError(404, 'share.live.not_found', { key: key.text });
    // The answer must be the record asked for: a provider answering with another is refused.
    for (const [field, value] of Object.entries(key.values)) {
      const given = answer[field];
      if (given !== undefined && given !== null && String(given).toUpperCase() !== value.toUpperCase())
        throw badAnswer(`another record (${field})`);
    }
    const where = conditionsSql(plan.rowFilter, plan.table.columns);
    if (where) {
      const holds = await recordHolds(
        db,
        plan.table.columns.filter((c) => !c.retired && !c.encrypted),
        answer,
        where,
      ).catch(() => {
        throw badAnswer('a value of the wrong type');
      });
      if (!holds) throw new AppError(404, 'share.live.not_found', { key: key.text });
    }
    const values = Object.fromEntries(items.map((item) => [item.field, answer[item.field] ?? null]));
    const record = maskRow(
      values,
      items.map((item) => ({
        field: item.field,
        column: item.column.column,
        type: item.dataType,
        rule: item.rule,
      })),
      { pseudonymKey: plan.pseudonymKey },
    );
    await recordAudit(
      db,
      context,
      dataAudit(trace, 'success', { count: 1, keys: [key.text], url: system.url_template }),
    );
    const body: LiveBody = {
      resourceCode: plan.resource.code,
      grantId: plan.grant.id,
      purpose: plan.purpose,
      key: key.values,
      record,
      source: 'provider_system',
      servedAt: new Date().toISOString(),
    };
    return options.signed ? platform.signer.signDocument(body) : body;
  });
}
