// An initial catalog published in one step: the demo deployment's catalog, or an authority's
// existing catalog brought over when the platform is introduced. Resources are checked against the
// same rules as every draft and published as one version through the same code as a review's approvals.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { loadCalendar } from '../../platform/calendar/calendar.service.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import { findProvider, insertClass, listClasses } from './catalog.repository.ts';
import { checkResource } from './catalog.rules.ts';
import type { ResourceInput } from './catalog.schemas.ts';
import { createInTransaction } from './catalog.service.ts';
import { lockNextVersionNumber } from './versions.repository.ts';
import { publishChanges } from './versions.service.ts';
import { passInitialReviews } from '../security/reviews/reviews.service.ts';

/** A resource of an initial catalog: its provider, classification code and metadata. */
export interface InitialResource {
  departmentId: string;
  classCode: string;
  input: Omit<ResourceInput, 'classId' | 'relatedCodes'>;
  /** Names of other resources of the same catalog it relates to. */
  related?: string[];
}

/**
 * Adds classification nodes, creates the resources with codes numbered per classification, and
 * publishes them as the next catalog version — all in the caller's transaction. Throws naming the
 * resource if one breaks a rule (initial data must be as good as every draft).
 */
export async function publishInitialCatalog(
  trx: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  data: {
    classes: { code: string; name: string; parentCode: string }[];
    resources: InitialResource[];
    note: string;
    /**
     * Set when the resources' share and open attributes were reviewed before they came to the
     * platform (保密审查): passed reviews are recorded with this note, so they take effect at once.
     */
    reviewedNote?: string;
  },
) {
  let classes = await listClasses(trx);
  for (const cls of data.classes) {
    const parent = classes.find((c) => c.code === cls.parentCode);
    if (!parent) throw new Error(`initial catalog: no class ${cls.parentCode} for ${cls.code}`);
    await insertClass(trx, {
      code: cls.code,
      name: cls.name,
      level: parent.path.length + 1,
      kind: parent.kind,
      parentId: parent.id,
    });
    classes = await listClasses(trx);
  }
  const byCode = new Map(classes.map((c) => [c.code, c]));
  const byId = new Map(classes.map((c) => [c.id, c]));
  const sequences = new Map<string, number>();
  const codes = new Map<string, string>();
  for (const resource of data.resources) {
    const next = (sequences.get(resource.classCode) ?? 0) + 1;
    sequences.set(resource.classCode, next);
    codes.set(
      resource.input.name,
      `${resource.classCode}/${String(next).padStart(profile.catalog.resourceCode.sequenceDigits, '0')}`,
    );
  }
  const created: { resourceId: string; revisionId: string }[] = [];
  for (const resource of data.resources) {
    const cls = byCode.get(resource.classCode);
    if (!cls)
      throw new Error(`initial catalog: ${resource.input.name} has unknown class ${resource.classCode}`);
    const relatedCodes = (resource.related ?? []).map((name) => {
      const code = codes.get(name);
      if (!code) throw new Error(`initial catalog: ${resource.input.name} relates to unknown ${name}`);
      return code;
    });
    const input: ResourceInput = { ...resource.input, classId: cls.id, relatedCodes };
    const problems = checkResource({ profile, classOf: (id) => byId.get(id) }, input, '');
    if (problems.length > 0)
      throw new Error(
        `initial catalog: ${input.name}: ${problems.map((p) => `${p.path} ${p.code}`).join(', ')}`,
      );
    const provider = await findProvider(trx, resource.departmentId);
    if (!provider) throw new Error(`initial catalog: ${input.name} has an unknown provider`);
    const made = await createInTransaction(
      trx,
      context,
      { context: { profile, classOf: (id) => byId.get(id) }, profile },
      provider,
      input,
      {
        code: codes.get(input.name),
        codePath: '/code',
      },
    );
    created.push({ resourceId: made.id, revisionId: made.revisionId });
  }
  const number = await lockNextVersionNumber(trx);
  const env = { profile, calendar: await loadCalendar(trx) };
  const counts = await publishChanges(
    trx,
    number,
    created,
    {
      id: context.actor?.id ?? context.system ?? 'system',
      name: context.actor?.displayName ?? context.system ?? 'system',
      note: data.note,
    },
    { context, env },
  );
  const reviewed = data.reviewedNote
    ? await passInitialReviews(
        trx,
        context,
        env,
        created.map((c) => c.resourceId),
        data.reviewedNote,
      )
    : 0;
  await recordAudit(trx, context, {
    action: 'catalog.version.publish',
    targetType: 'catalog_version',
    targetId: String(number),
    detail: { ...counts, initial: true, classes: data.classes.length, reviewed },
  });
  return { number, ...counts };
}
