// The read-only CKAN Action API v3 over the open catalog. Each call runs in one transaction with
// one audit event; expected failures become CKAN's error envelope with CKAN's status codes.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { QueryWord } from '../../platform/search/segmenter.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { accessPoints, ckanName, isUuid } from '../dcat/open-catalog.ts';
import type { OpenDataPlatform } from '../opening/data/data.service.ts';
import { datastoreSearch } from './ckan.datastore.ts';
import { classCodePrefixes, loadOpenDatasets } from '../dcat/open-catalog.repository.ts';
import {
  booleanParam,
  ckanNotFound,
  CkanError,
  fieldError,
  naturalParam,
  requiredParam,
  stringListParam,
  stringParam,
  type CkanParams,
} from './ckan.params.ts';
import {
  classPathText,
  organizationName,
  presentGroup,
  presentOrganization,
  presentPackage,
  presentResource,
  resourceId,
  type PresentContext,
} from './ckan.presenter.ts';
import {
  findDatastoreActive,
  findOpenPackageId,
  listOpenCodes,
  listOpenGroups,
  listOpenOrganizations,
  listOpenTags,
} from './ckan.repository.ts';
import { MAX_ROWS, packageSearch } from './ckan.search.ts';

/** What an action runs with. */
interface ActionEnv {
  db: Kysely<DB>;
  present: PresentContext;
  /** Cuts a Chinese query into words (the catalog's segmenter, `queryWords`). */
  cut: (text: string) => QueryWord[];
  /** What reads of open data need (datastore_search). */
  platform: OpenDataPlatform;
  /** Who calls: datastore_search serves rows to identity-authenticated users only. */
  context: RequestContext;
}

interface Action {
  /** The audit action of a call, or null for help (which reads no data). */
  audit: string | null;
  /** The action's help text (help_show). */
  help: string;
  run(env: ActionEnv, params: CkanParams): Promise<unknown>;
}

async function findPackage(env: ActionEnv, id: string) {
  const packageId = await findOpenPackageId(env.db, id);
  const [dataset] = packageId ? await loadOpenDatasets(env.db, { ids: [packageId] }) : [];
  if (!dataset) throw ckanNotFound('ckan.package_not_found', { id });
  return dataset;
}

/** The presentation context with `datastore_active` known for these datasets. */
async function presentFor(env: ActionEnv, ids: string[]): Promise<PresentContext> {
  return { ...env.present, datastoreActive: await findDatastoreActive(env.db, ids) };
}

/** Sorts a list by CKAN's `sort` of group/organization lists ("name asc", "package_count desc"). */
function sortList<T extends { name: string; title: string; package_count?: number }>(
  list: T[],
  sort: string,
): T[] {
  const [field = 'name', direction = 'asc'] = sort.trim().split(/\s+/);
  const key = field === 'packages' ? 'package_count' : field;
  if (!['name', 'title', 'package_count'].includes(key) || !['asc', 'desc'].includes(direction)) {
    throw fieldError('sort', 'ckan.bad_sort', { sort });
  }
  const sign = direction === 'desc' ? -1 : 1;
  return [...list].sort((x, y) => {
    const a = x[key as keyof T] as string | number;
    const b = y[key as keyof T] as string | number;
    // Ties keep name order whatever the direction.
    if (a !== b) return (a < b ? -1 : 1) * sign;
    return x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
  });
}

/** organization_list / group_list: filter by names, sort, page, then names or whole dictionaries. */
function answerList<T extends { name: string; title: string; package_count?: number }>(
  items: T[],
  params: CkanParams,
  namesParam: 'organizations' | 'groups',
): T[] | string[] {
  const only = stringListParam(params, namesParam);
  const chosen = only ? items.filter((item) => only.includes(item.name)) : items;
  const list = page(sortList(chosen, stringParam(params, 'sort') ?? 'name asc'), params);
  return booleanParam(params, 'all_fields') ? list : list.map((item) => item.name);
}

/** Applies limit/offset of list actions. */
function page<T>(list: T[], params: CkanParams): T[] {
  const offset = naturalParam(params, 'offset') ?? 0;
  const limit = naturalParam(params, 'limit');
  return list.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** The actions this platform answers, with CKAN's names. */
export const CKAN_ACTIONS: Record<string, Action> = {
  package_list: {
    audit: 'ckan.package.list',
    help: 'Return a list of the names of the open datasets. Parameters: limit, offset.',
    async run(env, params) {
      const offset = naturalParam(params, 'offset') ?? 0;
      const limit = naturalParam(params, 'limit') ?? null;
      return (await listOpenCodes(env.db, { offset, limit })).map(ckanName);
    },
  },
  package_search: {
    audit: 'ckan.package.search',
    help:
      'Search the open datasets. Parameters: q (Chinese full text), fq (organization:, tags:, res_format:, ' +
      'groups:, dataset_type:, metadata_modified:[A TO B]), rows (max 1000), start, sort ' +
      '(score, metadata_modified, metadata_created, title_string, name with asc/desc), facet.field (JSON list), ' +
      'facet.limit, facet.mincount.',
    run: (env, params) => packageSearch(env.db, params, env.present, env.cut),
  },
  package_show: {
    audit: 'ckan.package.show',
    help: 'Return one open dataset. Parameter: id (the package id, its name zs-…, or the resource code).',
    async run(env, params) {
      const dataset = await findPackage(env, requiredParam(params, 'id'));
      return presentPackage(dataset, await presentFor(env, [dataset.id]));
    },
  },
  resource_show: {
    audit: 'ckan.resource.show',
    help: 'Return one resource (a download format, the API or the model access of an open dataset). Parameter: id.',
    async run(env, params) {
      const id = requiredParam(params, 'id');
      // A resource id is its package's uuid (36 characters), a dash and the access point's key.
      const packageId = id.slice(0, 36);
      const [dataset] = isUuid(packageId) ? await loadOpenDatasets(env.db, { ids: [packageId] }) : [];
      const points = dataset ? accessPoints(dataset, env.present.origin) : [];
      const index = points.findIndex((point) => resourceId(dataset!.id, point) === id);
      if (!dataset || index < 0) throw ckanNotFound('ckan.resource_not_found', { id });
      return presentResource(dataset, points[index]!, index, await presentFor(env, [dataset.id]));
    },
  },
  organization_list: {
    audit: 'ckan.organization.list',
    help: 'Return the providers of open datasets (names are credit codes). Parameters: all_fields, sort, limit, offset, organizations.',
    async run(env, params) {
      const rows = await listOpenOrganizations(env.db);
      return answerList(
        rows.map((row) => presentOrganization(row, row.packageCount)),
        params,
        'organizations',
      );
    },
  },
  organization_show: {
    audit: 'ckan.organization.show',
    help: 'Return one provider. Parameters: id (id or name), include_datasets (up to 1000 datasets).',
    async run(env, params) {
      const id = requiredParam(params, 'id');
      const [row] = await listOpenOrganizations(env.db, { id });
      if (!row) throw ckanNotFound('ckan.organization_not_found', { id });
      const organization = presentOrganization(row, row.packageCount);
      if (!booleanParam(params, 'include_datasets')) return organization;
      const found = await packageSearch(
        env.db,
        { fq: `organization:${organizationName(row.creditCode)}`, rows: MAX_ROWS, sort: 'name asc' },
        env.present,
        env.cut,
      );
      return { ...organization, packages: found.results };
    },
  },
  group_list: {
    audit: 'ckan.group.list',
    help: 'Return the classes (类/项/目/细目) that hold open datasets, as groups class-{code}. Parameters: all_fields, sort, limit, offset, groups.',
    async run(env, params) {
      // Every class on an open resource's path is listed, so a class's ancestors are in the list too.
      const rows = await listOpenGroups(env.db);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      const pathOf = (code: string) => classCodePrefixes(code).flatMap((prefix) => byCode.get(prefix) ?? []);
      return answerList(
        rows.map((row) => presentGroup(row, classPathText(pathOf(row.code)), row.packageCount)),
        params,
        'groups',
      );
    },
  },
  tag_list: {
    audit: 'ckan.tag.list',
    help: 'Return the keywords of open datasets. Parameters: query (part of a tag), all_fields.',
    async run(env, params) {
      const tags = await listOpenTags(env.db, stringParam(params, 'query') ?? stringParam(params, 'q'));
      return booleanParam(params, 'all_fields')
        ? tags.map((tag) => ({ id: tag, name: tag, display_name: tag, vocabulary_id: null }))
        : tags;
    },
  },
  datastore_search: {
    audit: 'ckan.datastore.search',
    help:
      'Search the rows of an unconditionally open dataset, masked as the open-data records API masks them, ' +
      'for identity-authenticated users (session or personal API key in the Authorization header). ' +
      'Parameters: resource_id (package or resource id), filters (JSON object: field → value or list of values), ' +
      'limit (default and maximum from the profile), offset, fields, sort ("field asc|desc", unmasked items). ' +
      'Full-text q is not supported.',
    run: (env, params) => datastoreSearch(env, params, env.present.origin),
  },
  help_show: {
    audit: null,
    help: 'Return the help text of an action. Parameter: name.',
    async run(_env, params) {
      const name = requiredParam(params, 'name');
      const action = Object.hasOwn(CKAN_ACTIONS, name) ? CKAN_ACTIONS[name] : undefined;
      if (!action) throw ckanNotFound('ckan.help_not_found', { name });
      return action.help;
    },
  },
};

/** The URL of an action's help, as CKAN puts it in every envelope. */
export function helpUrl(origin: string, action: string): string {
  return `${origin}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

// Parameters as they go into the audit trail: short strings, enough to see what was asked.
function auditParams(params: CkanParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .slice(0, 20)
      .map(([key, value]) => [
        key.slice(0, 40),
        (typeof value === 'string' ? value : String(JSON.stringify(value))).slice(0, 200),
      ]),
  );
}

const isRecords = (result: unknown): result is { records: unknown[] } =>
  typeof result === 'object' && result !== null && Array.isArray((result as { records?: unknown }).records);

// What a call is about: its `id`, or the resource of a datastore_search.
function targetOf(params: CkanParams): string | null {
  const id = typeof params.id === 'string' ? params.id : params.resource_id;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}

/** A CKAN response: status and envelope (or, for an unknown action, CKAN's bare message). */
export interface CkanResponse {
  status: number;
  body: unknown;
}

/**
 * Refuses parameters holding a NUL character: PostgreSQL cannot take such text, and the failed
 * query would abort the transaction that must still record the call.
 */
function requireStorableText(params: CkanParams) {
  for (const [field, value] of Object.entries(params)) {
    if (typeof value === 'string' && value.includes('\u0000')) throw fieldError(field, 'ckan.bad_characters');
  }
}

/** Runs one action, audits it, and wraps the outcome in CKAN's envelope. */
export async function runCkanAction(
  db: Kysely<DB>,
  context: RequestContext,
  env: Omit<ActionEnv, 'db' | 'context'>,
  name: string,
  params: CkanParams,
): Promise<CkanResponse> {
  const action = Object.hasOwn(CKAN_ACTIONS, name) ? CKAN_ACTIONS[name] : undefined;
  if (!action)
    return { status: 400, body: translate('ckan.unknown_action', env.present.locale, { action: name }) };
  const help = helpUrl(env.present.origin, name);
  return db.transaction().execute(async (trx) => {
    let response: CkanResponse;
    try {
      requireStorableText(params);
      const result = await action.run({ ...env, db: trx, context }, params);
      response = { status: 200, body: { help, success: true, result } };
    } catch (error) {
      if (!(error instanceof CkanError)) throw error;
      response = {
        status: error.status,
        body: { help, success: false, error: error.toErrorBody(env.present.locale) },
      };
    }
    if (action.audit) {
      const result = (response.body as { result?: unknown }).result;
      await recordAudit(trx, context, {
        action: action.audit,
        outcome: response.status === 200 ? 'success' : response.status === 403 ? 'denied' : 'failure',
        targetType: 'open_catalog',
        targetId: targetOf(params),
        detail: {
          params: auditParams(params),
          status: response.status,
          ...(Array.isArray(result) ? { returned: result.length } : {}),
          ...(isRecords(result) ? { returned: result.records.length } : {}),
        },
      });
    }
    return response;
  });
}
