// Masking (脱敏) use cases: the rules of a resource's items (set by the providing department, else
// the profile's default), a masked preview, the k-anonymity check, and what sharing and opening
// call to extract masked rows under a grant.
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound } from '../../../platform/errors/app-error.ts';
import { defaultRule, defaultTreatment } from '../../../platform/masking/defaults.ts';
import { planMasking, type MaskColumn } from '../../../platform/masking/plan.ts';
import {
  fitsType,
  MASK_KINDS,
  parseRule,
  ruleProblems,
  type ItemType,
  type MaskRule,
} from '../../../platform/masking/rules.ts';
import { maskExpression, quoteIdent } from '../../../platform/masking/sql.ts';
import { pseudonymKey } from '../../../platform/masking/values.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { roleHas } from '../../../platform/policy/permissions.ts';
import { forbidden, requireDepartmentScope } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { findPoolTable, type PoolTableRow } from '../../pools/pool-tables.repository.ts';
import { equivalenceClasses } from './extract.repository.ts';
import { maskedRows } from './extract.ts';
import {
  deleteRule,
  findMaskingResource,
  listRules,
  readStoredSecret,
  upsertRule,
} from './masking.repository.ts';
import type { KAnonymityBody, PreviewBody, SetRuleBody } from './masking.schemas.ts';
import './masking.messages.ts';

/** What the service needs of the platform. */
export interface MaskingPlatform {
  profile: Profile;
  config: Pick<Config, 'maskingSecret'>;
}

type Resource = NonNullable<Awaited<ReturnType<typeof findMaskingResource>>>;
type Item = Resource['items'][number];

/**
 * The level that drives an item's default: the item's own classification level (分级), else its
 * resource's (an item may be graded higher than its resource, never lower).
 */
export function itemLevel(
  resource: Pick<Resource, 'security_level'>,
  item: Item & { level?: string | null },
) {
  return item.level ?? resource.security_level;
}

/** Every item of a resource with the rule in force (its own, else the default). */
export async function resolveMasking(db: Kysely<DB>, profile: Profile, resourceId: string) {
  const resource = await findMaskingResource(db, resourceId);
  if (!resource) throw notFound('what.masking_resource');
  const table = await findPoolTable(db, resourceId);
  const rules = new Map((await listRules(db, resourceId)).map((row) => [row.field_name, row]));
  const items = resource.items.map((item) => {
    const level = itemLevel(resource, item);
    const treatment = defaultTreatment(profile.masking.defaults, level, item.sensitivity);
    const fallback = defaultRule(
      { name: item.name, fieldName: item.field_name, dataType: item.data_type },
      treatment,
    );
    const own = rules.get(item.field_name);
    // A rule stored before a retyping of its item may no longer fit: the default applies then.
    const stored = own ? parseRule(own.rule) : undefined;
    const usable = stored && fitsType(stored.kind, item.data_type) ? stored : undefined;
    return {
      item,
      level,
      treatment,
      fallback,
      own,
      rule: usable ?? fallback,
      source: usable ? 'rule' : 'default',
    } as const;
  });
  return { resource, table, items };
}

/** The columns of a masked extraction: the stored items with their rules in force. */
export function maskColumns(
  resolved: Awaited<ReturnType<typeof resolveMasking>>,
  fields?: readonly string[],
): MaskColumn[] {
  const columns = new Map((resolved.table?.columns ?? []).filter((c) => !c.retired).map((c) => [c.field, c]));
  return resolved.items
    .filter(({ item }) => columns.has(item.field_name) && (!fields || fields.includes(item.field_name)))
    .map(({ item, rule }) => ({
      field: item.field_name,
      column: columns.get(item.field_name)!.column,
      type: item.data_type as ItemType,
      rule,
    }));
}

/** The pseudonym key of a grant: HMAC-SM3 of the grant id under the platform's masking secret. */
export async function grantKey(db: Kysely<DB>, platform: MaskingPlatform, grantId: string): Promise<Buffer> {
  const secret = platform.config.maskingSecret ?? (await readStoredSecret(db));
  return pseudonymKey(Buffer.from(secret, 'utf8'), grantId);
}

function requireOwnResource(context: RequestContext, resource: Pick<Resource, 'department_id'>) {
  const actor = context.actor!;
  if (actor.type === 'system' && actor.role === 'platform_admin') return;
  if (actor.departmentId !== resource.department_id) throw forbidden('masking.own_department');
}

const mayManage = (context: RequestContext, resource: Pick<Resource, 'department_id'>) => {
  const actor = context.actor!;
  return roleHas(actor.role, 'security.masking.manage') && actor.departmentId === resource.department_id;
};

async function readable(
  db: Kysely<DB>,
  context: RequestContext,
  platform: MaskingPlatform,
  resourceId: string,
) {
  const resolved = await resolveMasking(db, platform.profile, resourceId);
  requireDepartmentScope(context.actor!, {
    id: resolved.resource.department_id,
    regionId: resolved.resource.region_id,
  });
  return resolved;
}

/** A resource's items with their rules, for the console. */
export async function describeMasking(
  db: Kysely<DB>,
  context: RequestContext,
  platform: MaskingPlatform,
  resourceId: string,
) {
  const resolved = await readable(db, context, platform, resourceId);
  const { resource } = resolved;
  const stored = new Set((resolved.table?.columns ?? []).filter((c) => !c.retired).map((c) => c.field));
  return {
    resourceId: resource.id,
    code: resource.code,
    name: resource.name,
    departmentId: resource.department_id,
    departmentName: resource.department_name,
    securityLevel: resource.security_level,
    hasTable: Boolean(resolved.table),
    canManage: mayManage(context, resource),
    items: resolved.items.map(({ item, level, treatment, fallback, own, rule, source }) => ({
      fieldName: item.field_name,
      name: item.name,
      dataType: item.data_type,
      sensitivity: item.sensitivity,
      level,
      isKey: item.is_key,
      stored: stored.has(item.field_name),
      rule,
      source,
      defaultTreatment: treatment,
      defaultRule: fallback,
      fittingKinds: MASK_KINDS.filter((kind) => fitsType(kind, item.data_type)),
      note: own?.note ?? null,
      updatedAt: own ? new Date(own.updated_at).toISOString() : null,
      updatedByName: own?.updated_by_name ?? null,
    })),
  };
}

function itemOf(resource: Resource, field: string) {
  const item = resource.items.find((i) => i.field_name === field);
  if (!item) throw notFound('what.masking_item');
  return item;
}

/** Sets an item's rule: own department only; refused when the rule does not fit the item's type. */
export async function setMaskingRule(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  field: string,
  body: SetRuleBody,
) {
  const resource = await findMaskingResource(db, resourceId);
  if (!resource) throw notFound('what.masking_resource');
  requireOwnResource(context, resource);
  const item = itemOf(resource, field);
  const problems = ruleProblems(body.rule);
  if (problems.length > 0) throw invalid(problems[0]!, [{ path: '/body/rule', code: problems[0]! }]);
  if (!fitsType(body.rule.kind, item.data_type)) {
    const params = {
      kind: `masking.kind.${body.rule.kind}`,
      type: `masking.type.${item.data_type}`,
      field: item.name,
    };
    throw invalid(
      'masking.rule.type_mismatch',
      [{ path: '/body/rule/kind', code: 'masking.rule.type_mismatch', params }],
      params,
    );
  }
  await db.transaction().execute(async (trx) => {
    const before = await upsertRule(trx, {
      resourceId,
      fieldName: field,
      rule: body.rule,
      note: body.note ?? null,
      by: context.actor?.id ?? null,
      byName: context.actor?.displayName ?? null,
    });
    await recordAudit(trx, context, {
      action: 'security.masking.rule.set',
      targetType: 'catalog_resource',
      targetId: resourceId,
      departmentId: resource.department_id,
      detail: { field, before, after: body.rule, note: body.note ?? null },
    });
  });
}

/** Removes an item's rule, so the profile's default applies again (own department only). */
export async function clearMaskingRule(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  field: string,
) {
  const resource = await findMaskingResource(db, resourceId);
  if (!resource) throw notFound('what.masking_resource');
  requireOwnResource(context, resource);
  itemOf(resource, field);
  await db.transaction().execute(async (trx) => {
    const before = await deleteRule(trx, resourceId, field);
    await recordAudit(trx, context, {
      action: 'security.masking.rule.clear',
      targetType: 'catalog_resource',
      targetId: resourceId,
      departmentId: resource.department_id,
      detail: { field, before },
    });
  });
}

function requireTable(table: PoolTableRow | undefined): PoolTableRow {
  if (!table) throw invalid('masking.no_pool_table');
  return table;
}

const previewGrant = (resourceId: string) => `preview:${resourceId}`;

/**
 * The first rows of the pool table, masked by the rules in force. The stored values come with them
 * only for the providing department's people who may read its pool rows (pool.data.read).
 */
export async function previewMasking(
  db: Kysely<DB>,
  context: RequestContext,
  platform: MaskingPlatform,
  resourceId: string,
  body: PreviewBody,
) {
  const resolved = await readable(db, context, platform, resourceId);
  const table = requireTable(resolved.table ?? undefined);
  const columns = maskColumns(resolved);
  const limit = body.limit ?? 20;
  const key = await grantKey(db, platform, previewGrant(resourceId));
  const actor = context.actor!;
  const withOriginal = roleHas(actor.role, 'pool.data.read') && actor.departmentId === table.department_id;
  return db.transaction().execute(async (trx) => {
    const rows = await maskedRows(trx, table, columns, { pseudonymKey: key, limit });
    const original = withOriginal
      ? await maskedRows(
          trx,
          table,
          columns.map((c) => ({ ...c, rule: { kind: 'none' } as MaskRule })),
          { limit },
        )
      : null;
    await recordAudit(trx, context, {
      action: 'security.masking.preview',
      targetType: 'pool_table',
      targetId: resourceId,
      departmentId: table.department_id,
      detail: {
        rows: rows.length,
        original: withOriginal,
        rules: Object.fromEntries(columns.map((c) => [c.field, c.rule.kind])),
      },
    });
    return {
      fields: columns.map((c) => ({
        fieldName: c.field,
        name: resolved.items.find(({ item }) => item.field_name === c.field)!.item.name,
        kind: c.rule.kind,
      })),
      rows,
      original,
    };
  });
}

/**
 * The k-anonymity check on the masked extract: every class of rows with equal masked
 * quasi-identifiers must hold at least k rows. A pseudonym is one-to-one within a grant, so its
 * classes are those of the stored value and it is grouped on that.
 */
export async function checkKAnonymity(
  db: Kysely<DB>,
  context: RequestContext,
  platform: MaskingPlatform,
  resourceId: string,
  body: KAnonymityBody,
) {
  const resolved = await readable(db, context, platform, resourceId);
  const table = requireTable(resolved.table ?? undefined);
  const columns = maskColumns(resolved);
  const byField = new Map(columns.map((c) => [c.field, c]));
  for (const field of body.quasiIdentifiers)
    if (!byField.has(field))
      throw invalid(
        'masking.quasi_unknown',
        [{ path: '/body/quasiIdentifiers', code: 'masking.quasi_unknown', params: { field } }],
        { field },
      );
  const quasi = body.quasiIdentifiers.map((field) => {
    const column = byField.get(field)!;
    const source = `t.${quoteIdent(column.column)}`;
    return `${maskExpression(source, column.rule, column.type) ?? source} AS ${quoteIdent(field)}`;
  });
  const keyColumns = columns
    .filter((c) => table.key_fields.includes(c.field))
    .map((c) => ({ ...c, field: `_key_${c.field}` }));
  const keyPlan = planMasking(keyColumns, {
    qualifier: 't',
    pseudonymKey: await grantKey(db, platform, previewGrant(resourceId)),
  });
  const limit = body.limit ?? 50;
  return db.transaction().execute(async (trx) => {
    const { summary, rows } = await equivalenceClasses(
      trx,
      table,
      { expressions: quasi, fields: body.quasiIdentifiers.map(quoteIdent) },
      keyPlan.selectList,
      body.k,
      limit,
    );
    await recordAudit(trx, context, {
      action: 'security.masking.k_anonymity',
      targetType: 'pool_table',
      targetId: resourceId,
      departmentId: table.department_id,
      detail: {
        k: body.k,
        quasiIdentifiers: body.quasiIdentifiers,
        smallest: summary.smallest,
        breaking: summary.breaking,
      },
    });
    return {
      k: body.k,
      quasiIdentifiers: body.quasiIdentifiers,
      releasable: summary.small === 0,
      rows: summary.rows,
      classes: summary.classes,
      smallestClass: summary.smallest,
      smallClasses: summary.small,
      breakingRows: summary.breaking,
      examples: rows.map((row) => {
        keyPlan.finish(row);
        return {
          row: Number(row._row),
          key: Object.fromEntries(table.key_fields.map((f) => [f, row[`_key_${f}`] ?? null])),
          values: Object.fromEntries(body.quasiIdentifiers.map((f) => [f, row[f] ?? null])),
          classSize: Number(row.class_size),
        };
      }),
    };
  });
}
