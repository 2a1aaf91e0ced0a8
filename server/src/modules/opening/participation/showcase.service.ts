// The showcase (应用展示, CQO §25(2), §30): an identity-authenticated public user submits an
// application, website, paper or report built on open data, naming the open datasets it uses and
// how it cites them (CQO §25(2) asks results to state their data source). The authority of the
// portal's region reviews each entry before it is shown; a rejection gives the reason. A user may
// submit the configured number of entries per day.
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { findOpenDataset, type ObjectedDataset } from '../objections/objections.repository.ts';
import { topAuthority } from './authorities.ts';
import { unprocessable } from './feedback.service.ts';
import './participation.messages.ts';
import { lockUser } from './participation.repository.ts';
import { isAuthorityOf } from './participation.scope.ts';
import type { ShowcaseKind } from './participation.tables.ts';
import { insertShowcase, lockShowcase, showcaseWithin, updateShowcase } from './showcase.repository.ts';
import { textProblems } from './text-checks.ts';

/** What submitting needs of the platform. */
export interface ShowcasePlatform {
  config: Pick<Config, 'showcasePerUserDay'>;
}

/** What a submitter sends. */
export interface ShowcaseInput {
  name: string;
  description: string;
  url: string;
  kind: ShowcaseKind;
  resourceIds: string[];
  citation: string;
}

/** The authority's review. */
export interface ReviewInput {
  decision: 'approve' | 'reject';
  reason?: string;
}

const DAY = 24 * 3600;

/**
 * The address as stored (normalised by the URL parser), or the problem with it: only http and
 * https, with a host and without credentials — never `javascript:`, `data:` or the like, which a
 * page would run when the link is followed.
 */
export function checkUrl(raw: string, path: string): { url: string } | { problem: FieldProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: { path, code: 'open.showcase.url_invalid' } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: { path, code: 'open.showcase.url_scheme' } };
  if (!url.hostname) return { problem: { path, code: 'open.showcase.url_invalid' } };
  if (url.username || url.password) return { problem: { path, code: 'open.showcase.url_credentials' } };
  return { url: url.href };
}

/** The open datasets named, in order; every one that is not open is a problem at its index. */
async function openDatasets(db: Kysely<DB>, ids: readonly string[], problems: FieldProblem[]) {
  const found: ObjectedDataset[] = [];
  for (const [index, id] of ids.entries()) {
    const dataset = isUuid(id) ? await findOpenDataset(db, id) : undefined;
    if (dataset) found.push(dataset);
    else problems.push({ path: `/body/resourceIds/${index}`, code: 'open.showcase.not_open' });
  }
  return found;
}

/**
 * Submits an entry for review, in one transaction with its datasets and audit event. Refuses an
 * unverified identity (403), texts that are blank, too short or spam, an address other than http or
 * https, and datasets not in the open catalog (422 naming each), and a user past the daily limit
 * (429 with Retry-After; the refusal is audited). Returns the entry's id.
 */
export async function submitShowcase(
  db: Kysely<DB>,
  platform: ShowcasePlatform,
  context: RequestContext,
  input: ShowcaseInput,
): Promise<string> {
  const actor = context.actor;
  requireVerifiedIdentity(actor);
  const problems: FieldProblem[] = [
    ...textProblems(input.name, '/body/name', { min: 2 }),
    ...textProblems(input.description, '/body/description', { min: 10 }),
    ...textProblems(input.citation, '/body/citation', { min: 4 }),
  ];
  const checked = checkUrl(input.url, '/body/url');
  if ('problem' in checked) problems.push(checked.problem);
  const datasets = await openDatasets(db, input.resourceIds, problems);
  if (problems.length > 0) throw unprocessable(problems);
  const authority = await topAuthority(db, datasets[0]!.region_id);
  const max = platform.config.showcasePerUserDay;
  const outcome = await db
    .transaction()
    .execute(async (trx): Promise<{ id: string } | { refused: number }> => {
      await lockUser(trx, 'showcase', actor.id);
      if (max > 0) {
        const recent = await showcaseWithin(trx, actor.id, DAY);
        if (recent.count >= max) return { refused: recent.freeInSeconds };
      }
      const row = await insertShowcase(
        trx,
        {
          submitter_user_id: actor.id,
          region_id: authority.regionId,
          name: input.name.trim(),
          description: input.description.trim(),
          url: (checked as { url: string }).url,
          kind: input.kind,
          citation: input.citation.trim(),
        },
        datasets.map((dataset) => dataset.resource_id),
      );
      await recordAudit(trx, context, {
        action: 'open.showcase.submit',
        targetType: 'open_showcase',
        targetId: row.id,
        departmentId: authority.authorityId,
        detail: { name: row.name, kind: row.kind, url: row.url, resourceIds: input.resourceIds },
      });
      return { id: row.id };
    });
  if ('refused' in outcome) {
    await recordAudit(db, context, {
      action: 'open.showcase.submit',
      outcome: 'denied',
      targetType: 'open_showcase',
      detail: { reason: 'rate_limited', max },
    });
    throw new AppError(429, 'open.showcase.too_many', {
      max,
      seconds: outcome.refused,
      hours: Math.ceil(outcome.refused / 3600),
    });
  }
  return outcome.id;
}

/**
 * The authority reviews an entry: approve (it is shown from now on) or reject with the reason the
 * submitter sees. 404 outside the reviewer's region, 409 once reviewed (also by someone else a
 * moment ago: the row is locked), 422 for a rejection without a reason.
 */
export async function reviewShowcase(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: ReviewInput,
): Promise<void> {
  const actor = context.actor!;
  const reason = input.reason?.trim() || null;
  await db.transaction().execute(async (trx) => {
    const row = await lockShowcase(trx, id);
    if (!row || !isAuthorityOf(actor, row)) throw notFound('what.open_showcase');
    if (row.state !== 'submitted') throw conflict('open.showcase.not_pending', { state: row.state });
    if (input.decision === 'reject' && !reason)
      throw unprocessable([{ path: '/body/reason', code: 'open.showcase.reason_required' }]);
    await updateShowcase(trx, id, {
      state: input.decision === 'approve' ? 'approved' : 'rejected',
      review_reason: reason,
      reviewed_by: actor.id,
      reviewed_at: new Date(),
    });
    await recordAudit(trx, context, {
      action: 'open.showcase.review',
      targetType: 'open_showcase',
      targetId: id,
      detail: { decision: input.decision, reason },
    });
  });
}
