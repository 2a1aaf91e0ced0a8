import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound, type FieldProblem } from '../../platform/errors/app-error.ts';
import { pageWindow, sortOrder } from '../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { inDepartmentScope, requireDepartmentScope } from '../../platform/policy/policy.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import './catalog.messages.ts';
import { diffRevisions } from './catalog.diff.ts';
import { itemValues, presentRevision, revisionValues } from './catalog.presenter.ts';
import {
  existingCodes,
  findProvider,
  findResource,
  findResourcesByCode,
  insertResource,
  insertRevision,
  listClasses,
  listResources,
  loadRevisions,
  lockResource,
  nextSequence,
  RESOURCE_SORTABLE,
  setRevisionState,
  updateResource,
  updateRevision,
  type ProviderRecord,
  type ResourceFilter,
  type ResourceRow,
  type ResourceScope,
} from './catalog.repository.ts';
import { checkResource, checkResourceCode, type RuleContext } from './catalog.rules.ts';
import type { ClassRef, Resource, ResourceInput } from './catalog.schemas.ts';

/** States of a draft revision that lock it: a change under review or approved and waiting to be published. */
const LOCKED_STATES: readonly string[] = ['submitted', 'approved'];

/** The classification tree as a lookup, with the rule context built on it. */
export async function loadRuleContext(db: Kysely<DB>, profile: Profile) {
  const classes = new Map((await listClasses(db)).map((cls) => [cls.id, cls]));
  const context: RuleContext = { profile, classOf: (id) => classes.get(id) };
  return { classes, context };
}

/** Which resources an actor may see in the working list (drafts included). */
export function resourceScopeOf(actor: Actor): ResourceScope {
  switch (actor.role) {
    case 'platform_admin':
      return { kind: 'all' };
    case 'authority_officer':
    case 'auditor':
      return { kind: 'regions', regionIds: actor.regionScope };
    default:
      return actor.departmentId
        ? { kind: 'department', departmentId: actor.departmentId }
        : { kind: 'regions', regionIds: [] };
  }
}

async function providerFor(db: Kysely<DB>, actor: Actor, departmentId: string | undefined) {
  const id = departmentId ?? actor.departmentId;
  if (!id) throw notFound('what.department');
  const provider = await findProvider(db, id);
  if (!provider) throw notFound('what.department');
  requireDepartmentScope(actor, { id: provider.id, regionId: provider.regionId });
  return provider;
}

/** Refuses a resource that breaks the rules, naming every field at once; checks related codes exist. */
async function requireValid(
  db: Kysely<DB>,
  context: RuleContext,
  input: ResourceInput,
  base: string,
  ownCode?: string,
): Promise<FieldProblem[]> {
  const problems = checkResource(context, input, base);
  const related = (input.relatedCodes ?? []).map((code) => code.trim()).filter(Boolean);
  if (related.length > 0) {
    const known = await existingCodes(db, related);
    related.forEach((code, index) => {
      if (!known.has(code) || code === ownCode)
        problems.push({
          path: `${base}/relatedCodes/${index}`,
          code: 'catalog.related_unknown',
          params: { code },
        });
    });
  }
  return problems;
}

async function assignCode(
  trx: Kysely<DB>,
  profile: Profile,
  cls: ClassRef | undefined,
  given: string | undefined,
  path: string,
): Promise<string> {
  if (given) {
    const code = given.trim();
    const problems = checkResourceCode(profile, code, cls, path);
    if (problems.length > 0) throw invalid('catalog.invalid', problems);
    if ((await existingCodes(trx, [code])).size > 0) throw conflict('catalog.code_taken', { code });
    return code;
  }
  const prefix = cls!.code;
  const sequence = await nextSequence(trx, prefix);
  return `${prefix}/${String(sequence).padStart(profile.catalog.resourceCode.sequenceDigits, '0')}`;
}

/** Creates a resource and its first draft in an open transaction; returns the ids and the code. */
export async function createInTransaction(
  trx: Kysely<DB>,
  context: RequestContext,
  rules: { context: RuleContext; profile: Profile },
  provider: ProviderRecord,
  input: ResourceInput,
  given: { code?: string; codePath: string },
) {
  const code = await assignCode(
    trx,
    rules.profile,
    rules.context.classOf(input.classId),
    given.code,
    given.codePath,
  );
  const actorId = context.actor?.id ?? null;
  const resourceId = await insertResource(trx, {
    code,
    departmentId: provider.id,
    regionId: provider.regionId,
    createdBy: actorId,
  });
  const revisionId = await insertRevision(
    trx,
    resourceId,
    'draft',
    revisionValues(input, actorId),
    itemValues(input),
  );
  await updateResource(trx, resourceId, { draft_revision_id: revisionId });
  await recordAudit(trx, context, {
    action: 'catalog.resource.create',
    targetType: 'catalog_resource',
    targetId: resourceId,
    departmentId: provider.id,
    detail: { code, name: input.name, items: input.items.length },
  });
  return { id: resourceId, code, revisionId };
}

/**
 * Saves a resource's draft in an open transaction: rewrites the draft if there is one, otherwise
 * starts a new draft revision (the published revision stays as it is until the change is published).
 */
async function saveDraftInTransaction(
  trx: Kysely<DB>,
  context: RequestContext,
  resource: ResourceRow,
  input: ResourceInput,
) {
  const actorId = context.actor?.id ?? null;
  if (resource.status === 'withdrawn') throw conflict('catalog.withdrawn');
  const draft = resource.draft_revision_id
    ? (await loadRevisions(trx, [resource.draft_revision_id])).get(resource.draft_revision_id)
    : undefined;
  if (draft && LOCKED_STATES.includes(draft.state)) throw conflict('catalog.under_review');
  const values = revisionValues(input, actorId);
  if (draft) {
    await updateRevision(
      trx,
      draft.id,
      'draft',
      { ...values, created_by: draft.created_by },
      itemValues(input),
    );
  } else {
    const id = await insertRevision(trx, resource.id, 'draft', values, itemValues(input));
    await updateResource(trx, resource.id, { draft_revision_id: id });
  }
  await recordAudit(trx, context, {
    action: 'catalog.draft.save',
    targetType: 'catalog_resource',
    targetId: resource.id,
    departmentId: resource.department_id,
    detail: {
      code: resource.code,
      name: input.name,
      items: input.items.length,
      returned: draft?.state === 'returned',
    },
  });
}

/** Creates a resource with its first draft for the actor's department (or, for an authority, one of its region). */
export async function createResource(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  body: ResourceInput & { code?: string; departmentId?: string },
): Promise<Resource> {
  const actor = context.actor!;
  const { code, departmentId, ...input } = body;
  const provider = await providerFor(db, actor, departmentId);
  const rules = await loadRuleContext(db, profile);
  const problems = await requireValid(db, rules.context, input, '/body', code);
  if (problems.length > 0) throw invalid('catalog.invalid', problems);
  const created = await db.transaction().execute((trx) =>
    createInTransaction(trx, context, { context: rules.context, profile }, provider, input, {
      code,
      codePath: '/body/code',
    }),
  );
  return presentResource(db, created.id, rules.classes, true);
}

/** Saves the draft of a resource the actor may compile for. */
export async function saveDraft(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  id: string,
  input: ResourceInput,
): Promise<Resource> {
  const rules = await loadRuleContext(db, profile);
  await db.transaction().execute(async (trx) => {
    const resource = await lockResource(trx, id);
    if (!resource) throw notFound('what.catalog_resource');
    requireDepartmentScope(context.actor!, { id: resource.department_id, regionId: resource.region_id });
    const problems = await requireValid(trx, rules.context, input, '/body', resource.code);
    if (problems.length > 0) throw invalid('catalog.invalid', problems);
    await saveDraftInTransaction(trx, context, resource, input);
  });
  return presentResource(db, id, rules.classes, true);
}

/** Throws the draft away; a never-published resource goes with it (nothing else refers to it yet). */
export async function discardDraft(db: Kysely<DB>, context: RequestContext, profile: Profile, id: string) {
  await db.transaction().execute(async (trx) => {
    const resource = await lockResource(trx, id);
    if (!resource) throw notFound('what.catalog_resource');
    requireDepartmentScope(context.actor!, { id: resource.department_id, regionId: resource.region_id });
    if (!resource.draft_revision_id) throw conflict('catalog.no_draft');
    const draft = (await loadRevisions(trx, [resource.draft_revision_id])).get(resource.draft_revision_id)!;
    if (LOCKED_STATES.includes(draft.state)) throw conflict('catalog.under_review');
    await setRevisionState(trx, [draft.id], 'discarded');
    await updateResource(trx, id, {
      draft_revision_id: null,
      ...(resource.published_revision_id ? {} : { status: 'withdrawn' as const }),
    });
    await recordAudit(trx, context, {
      action: 'catalog.draft.discard',
      targetType: 'catalog_resource',
      targetId: id,
      departmentId: resource.department_id,
      detail: { code: resource.code, neverPublished: !resource.published_revision_id },
    });
  });
  const { classes } = await loadRuleContext(db, profile);
  return presentResource(db, id, classes, true);
}

/** A resource as the API shows it; `withDraft` false hides the draft (readers outside the department). */
export async function presentResource(
  db: Kysely<DB>,
  id: string,
  classes: Map<string, ClassRef>,
  withDraft: boolean,
): Promise<Resource> {
  const resource = await findResource(db, id);
  if (!resource) throw notFound('what.catalog_resource');
  const provider = (await findProvider(db, resource.department_id))!;
  const ids = [resource.published_revision_id, resource.draft_revision_id].filter((v): v is string => !!v);
  const revisions = await loadRevisions(db, ids);
  const published = resource.published_revision_id
    ? revisions.get(resource.published_revision_id)
    : undefined;
  const draft = resource.draft_revision_id ? revisions.get(resource.draft_revision_id) : undefined;
  const shownPublished = published ? presentRevision(published, classes) : null;
  const shownDraft = withDraft && draft ? presentRevision(draft, classes) : null;
  return {
    id: resource.id,
    code: resource.code,
    status: resource.status,
    provider: {
      id: provider.id,
      name: provider.name,
      creditCode: provider.creditCode,
      regionId: provider.regionId,
      regionName: provider.regionName,
    },
    firstPublishedAt: resource.first_published_at
      ? new Date(resource.first_published_at).toISOString()
      : null,
    published: shownPublished,
    draft: shownDraft,
    draftChanges: shownPublished && shownDraft ? diffRevisions(shownPublished, shownDraft) : null,
    underReview: !!draft && LOCKED_STATES.includes(draft.state),
    createdAt: new Date(resource.created_at).toISOString(),
  };
}

/**
 * Reads a resource. Staff who may compile for its department see the draft too; other government
 * readers see the published catalog entry only, and nothing of a resource never published.
 */
export async function readResource(db: Kysely<DB>, context: RequestContext, profile: Profile, id: string) {
  const actor = context.actor!;
  const resource = await findResource(db, id);
  if (!resource) throw notFound('what.catalog_resource');
  const own = inDepartmentScope(actor, { id: resource.department_id, regionId: resource.region_id });
  if (!own && !resource.published_revision_id) throw notFound('what.catalog_resource');
  const { classes } = await loadRuleContext(db, profile);
  const presented = await presentResource(db, id, classes, own);
  await recordAudit(db, context, {
    action: 'catalog.resource.read',
    targetType: 'catalog_resource',
    targetId: id,
    departmentId: resource.department_id,
  });
  return presented;
}

/** One page of the working list the actor may see; the listing is audited with its filters. */
export async function listWorkingResources(
  db: Kysely<DB>,
  context: RequestContext,
  query: ResourceFilter & { page?: number; pageSize?: number; sort?: string },
) {
  const window = pageWindow(query);
  const order = sortOrder(query.sort, RESOURCE_SORTABLE, { column: 'r.code', direction: 'asc' });
  const { page: _page, pageSize: _pageSize, sort: _sort, ...filter } = query;
  const { rows, total } = await listResources(db, resourceScopeOf(context.actor!), filter, window, order);
  await recordAudit(db, context, {
    action: 'catalog.resource.list',
    targetType: 'catalog_resource',
    detail: { filter, page: window.page, total },
  });
  const items = rows.map((row) => ({
    ...row,
    itemCount: Number(row.itemCount ?? 0),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }));
  return { items, total, page: window.page, pageSize: window.pageSize };
}

/** What an import gives: rows to create (no or unknown code) or to save as drafts (known code). */
export interface ImportRows {
  departmentId: string;
  rows: { code?: string; input: ResourceInput }[];
}

/**
 * Saves many drafts for one department in ONE transaction (the .xlsx import): rows with an unknown or
 * no code create resources, rows with a code of the department's resources save their drafts. Any
 * problem refuses the whole import, naming `/rows/<i>/…`.
 */
export async function importDrafts(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  input: ImportRows,
) {
  const provider = await providerFor(db, context.actor!, input.departmentId);
  const rules = await loadRuleContext(db, profile);
  const codes = input.rows.map((row) => row.code?.trim()).filter((code): code is string => !!code);
  const known = new Map((await findResourcesByCode(db, codes)).map((row) => [row.code, row]));
  const problems: FieldProblem[] = [];
  for (const [index, row] of input.rows.entries()) {
    const base = `/rows/${index}`;
    const existing = row.code ? known.get(row.code.trim()) : undefined;
    if (existing && existing.department_id !== provider.id)
      problems.push({ path: `${base}/code`, code: 'catalog.code_taken', params: { code: existing.code } });
    problems.push(...(await requireValid(db, rules.context, row.input, base, row.code)));
  }
  if (problems.length > 0) throw invalid('catalog.invalid', problems);
  const outcome = await db.transaction().execute(async (trx) => {
    const resources: { id: string; code: string; name: string }[] = [];
    let created = 0;
    for (const [index, row] of input.rows.entries()) {
      try {
        const existing = row.code ? known.get(row.code.trim()) : undefined;
        if (existing) {
          const locked = (await lockResource(trx, existing.id))!;
          await saveDraftInTransaction(trx, context, locked, row.input);
          resources.push({ id: existing.id, code: existing.code, name: row.input.name });
          continue;
        }
        const made = await createInTransaction(
          trx,
          context,
          { context: rules.context, profile },
          provider,
          row.input,
          { code: row.code, codePath: `/rows/${index}/code` },
        );
        created += 1;
        resources.push({ ...made, name: row.input.name });
      } catch (error) {
        // A conflict found only now (a draft under review, a code taken meanwhile) names its row.
        if (!(error instanceof AppError) || error.fields.length > 0) throw error;
        throw new AppError(error.status, error.code, error.params, [
          { path: `/rows/${index}/code`, code: error.code, params: error.params },
        ]);
      }
    }
    await recordAudit(trx, context, {
      action: 'catalog.import',
      targetType: 'department',
      targetId: provider.id,
      departmentId: provider.id,
      detail: { created, updated: resources.length - created },
    });
    return { created, updated: resources.length - created, resources };
  });
  return outcome;
}
