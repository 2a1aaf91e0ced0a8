// datastore_search: the rows of an unconditionally open dataset as CKAN's DataStore serves them —
// the same rows and masking as the open-data records API (modules/opening/data), read through the
// same plan, so only identity-authenticated users get them (CQ19 §33) and each read is audited
// and counted as an API call. Parameters and result follow ckanext.datastore's datastore_search.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ItemType } from '../../platform/masking/rules.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { mayUse } from '../../platform/policy/policy.ts';
import { accessPoints, isUuid } from '../dcat/open-catalog.ts';
import { loadOpenDatasets } from '../dcat/open-catalog.repository.ts';
import {
  readOpenWindow,
  type OpenDataPlatform,
  type OpenWindow,
  type OpenWindowQuery,
} from '../opening/data/data.service.ts';
import {
  booleanParam,
  ckanDenied,
  ckanNotFound,
  CkanError,
  fieldError,
  naturalParam,
  objectParam,
  stringListParam,
  stringParam,
  type CkanParams,
} from './ckan.params.ts';
import { resourceId } from './ckan.presenter.ts';
import { findDatastoreActive } from './ckan.repository.ts';
import type { CkanDatastoreResult } from './ckan.schemas.ts';

/** What datastore_search runs with. */
export interface DatastoreEnv {
  db: Kysely<DB>;
  platform: OpenDataPlatform;
  context: RequestContext;
}

type Scalar = string | number | boolean;

/**
 * CKAN's field types by item data type (masked items are text: the mask decides their shape).
 * Partial: 备注型 (M) and every type added later are text.
 */
const FIELD_TYPES: Partial<Record<ItemType | 'M', string>> = {
  C: 'text',
  M: 'text',
  N: 'numeric',
  Y: 'numeric',
  F: 'numeric',
  B: 'numeric',
  I: 'int',
  D: 'date',
  T: 'timestamp',
  L: 'bool',
};

/** CKAN's row id: not served (the records API does not serve it), but accepted as a sort key. */
const ROW_ID = '_id';
const SORT_KEY = /^"?([^"\s,]+)"?(?:\s+(asc|desc))?$/i;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/** `filters`: field → a value or a non-empty list of values (equality, IN). */
function filtersParam(params: CkanParams): Record<string, Scalar[]> | undefined {
  const given = objectParam(params, 'filters');
  if (!given) return undefined;
  // Object.fromEntries defines own properties, so a field named __proto__ stays a field.
  return Object.fromEntries(
    Object.entries(given).map(([field, value]) => {
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.length === 0 || !values.every(isScalar))
        throw fieldError('filters', 'ckan.datastore_filter_value', { field });
      if (values.some((v) => typeof v === 'string' && v.includes('\u0000')))
        throw fieldError('filters', 'ckan.bad_characters');
      return [field, values];
    }),
  );
}

/** `sort`: "field asc, other desc" (or a list of such keys); `_id` is the row order. */
function sortParam(params: CkanParams): OpenWindowQuery['sort'] {
  return (stringListParam(params, 'sort') ?? []).map((part) => {
    const match = SORT_KEY.exec(part.trim());
    if (!match) throw fieldError('sort', 'ckan.datastore_bad_sort', { sort: part });
    return { field: match[1] === ROW_ID ? null : match[1]!, desc: match[2]?.toLowerCase() === 'desc' };
  });
}

/** Refuses what the platform does not do rather than ignoring it: full text over rows, distinct. */
function refuseUnsupported(params: CkanParams) {
  for (const name of ['q', 'full_text']) {
    const value = params[name];
    const asked =
      typeof value === 'object' && value !== null
        ? Object.keys(objectParam(params, name) ?? {}).length > 0
        : Boolean(stringParam(params, name)?.trim());
    if (asked) throw fieldError(name, 'ckan.datastore_no_q');
  }
  if (booleanParam(params, 'distinct')) throw fieldError('distinct', 'ckan.datastore_no_distinct');
  const format = stringParam(params, 'records_format');
  if (format !== undefined && format !== 'objects')
    throw fieldError('records_format', 'ckan.datastore_records_format');
}

/** The parameters of a call, checked like CKAN's datastore_search_schema. */
function readParams(params: CkanParams) {
  const id = (stringParam(params, 'resource_id') ?? stringParam(params, 'id'))?.trim();
  if (!id) throw fieldError('resource_id', 'ckan.missing_value');
  const limit = naturalParam(params, 'limit');
  const offset = naturalParam(params, 'offset') ?? 0;
  const filters = filtersParam(params);
  const fields = stringListParam(params, 'fields')?.filter((field) => field !== ROW_ID);
  const sort = sortParam(params);
  refuseUnsupported(params);
  return { id, limit, offset, filters, fields, sort };
}

/** The open dataset a resource id (package id or access-point id) names, or CKAN's 404. */
async function datasetOf(db: Kysely<DB>, id: string, origin: string) {
  const packageId = id.slice(0, 36);
  const [dataset] = isUuid(packageId) ? await loadOpenDatasets(db, { ids: [packageId] }) : [];
  const known =
    dataset &&
    (id === dataset.id ||
      accessPoints(dataset, origin).some((point) => resourceId(dataset.id, point) === id));
  if (!known) throw ckanNotFound('ckan.resource_not_found', { id });
  return dataset;
}

/** The open-data refusals in CKAN's terms; anything else is rethrown as it is. */
function asCkanError(error: unknown, id: string): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.status === 401 || error.status === 403) return ckanDenied('ckan.datastore_identity_required');
  if (error.code === 'open.data.conditional') return ckanDenied('ckan.datastore_conditional', error.params);
  if (error.status === 404) return ckanNotFound('ckan.resource_not_found', { id });
  // No API offered or no data: what datastore_active says, found again between the two reads.
  if (error.status === 409) return ckanNotFound('ckan.datastore_not_active', { id });
  if (error.status !== 400) return error;
  const fields: Record<string, { key: string; params?: Record<string, unknown> }[]> = {};
  const problems =
    error.fields.length > 0
      ? error.fields
      : [{ path: '/resource_id', code: error.code, params: error.params }];
  for (const problem of problems) {
    const name = problem.path.split('/')[1] || 'resource_id';
    (fields[name] ??= []).push({ key: problem.code, params: problem.params ?? {} });
  }
  return new CkanError('Validation Error', 'ckan.validation', {}, fields);
}

/** CKAN's `_links`: this call without `offset`, and the next window. */
function links(params: CkanParams, offset: number, limit: number): CkanDatastoreResult['_links'] {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (name !== 'offset') search.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  const base = '/api/3/action/datastore_search';
  const query = search.toString();
  const start = query ? `${base}?${query}` : base;
  search.set('offset', String(offset + limit));
  return { start, next: `${base}?${search}` };
}

function present(
  id: string,
  window: OpenWindow,
  asked: ReturnType<typeof readParams>,
  params: CkanParams,
): CkanDatastoreResult {
  return {
    include_total: true,
    resource_id: id,
    fields: window.items.map((item) => ({
      id: item.field,
      type: (item.masked ? undefined : FIELD_TYPES[item.dataType]) ?? 'text',
      info: { label: item.name },
    })),
    records_format: 'objects',
    records: window.records,
    limit: window.limit,
    offset: asked.offset,
    ...(asked.filters ? { filters: asked.filters } : {}),
    ...(asked.sort.length > 0 ? { sort: (stringListParam(params, 'sort') ?? []).join(', ') } : {}),
    total: window.total,
    total_was_estimated: false,
    _links: links(params, asked.offset, window.limit),
  };
}

/**
 * Runs datastore_search: checks the parameters, finds the open dataset (404 for anything else or
 * for one datastore_active says has no rows here), then reads a window of its rows for an
 * identity-authenticated caller (403 Authorization Error for others and for conditional data).
 */
export async function datastoreSearch(
  env: DatastoreEnv,
  params: CkanParams,
  origin: string,
): Promise<CkanDatastoreResult> {
  const asked = readParams(params);
  const dataset = await datasetOf(env.db, asked.id, origin);
  if (!(await findDatastoreActive(env.db, [dataset.id])).has(dataset.id))
    throw ckanNotFound('ckan.datastore_not_active', { id: asked.id });
  const actor = env.context.actor;
  if (actor && !mayUse(actor, 'open.data')) throw ckanDenied('ckan.datastore_identity_required');
  try {
    const window = await readOpenWindow(env.db, env.platform, env.context, dataset.id, {
      fields: asked.fields,
      filters: asked.filters ?? {},
      sort: asked.sort,
      offset: asked.offset,
      limit: asked.limit ?? env.platform.profile.opening.api.defaultPageSize,
    });
    return present(asked.id, window, asked, params);
  } catch (error) {
    throw asCkanError(error, asked.id);
  }
}
