// CKAN's dictionaries and envelopes as TypeBox schemas: they document the API and are the
// serialisation allow-list, so a field that is not declared here can never reach a CKAN client.
import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A provider (department) as a CKAN organization. */
export const CkanOrganization = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'The credit code in lowercase' }),
  title: Type.String(),
  display_name: Type.String(),
  description: Type.String(),
  type: Type.Literal('organization'),
  is_organization: Type.Literal(true),
  state: Type.Literal('active'),
  approval_status: Type.Literal('approved'),
  image_url: Type.String(),
  image_display_url: Type.String(),
  created: Type.String(),
  package_count: Type.Optional(Type.Integer()),
});
/** A CKAN organization. */
export type CkanOrganization = Static<typeof CkanOrganization>;

/** A class of the classification as a CKAN group. */
export const CkanGroup = Type.Object({
  id: Type.String(),
  name: Type.String({ description: '`class-` and the class code' }),
  title: Type.String(),
  display_name: Type.String(),
  description: Type.String({ description: 'The classification path' }),
  type: Type.Literal('group'),
  is_organization: Type.Literal(false),
  state: Type.Literal('active'),
  approval_status: Type.Literal('approved'),
  image_url: Type.String(),
  image_display_url: Type.String(),
  created: Type.Optional(Type.String()),
  package_count: Type.Optional(Type.Integer()),
});
/** A CKAN group. */
export type CkanGroup = Static<typeof CkanGroup>;

/** A keyword as a CKAN tag. */
export const CkanTag = Type.Object({
  id: Type.String(),
  name: Type.String(),
  display_name: Type.String(),
  state: Type.String(),
  vocabulary_id: Type.Null(),
});

/** One way to get a dataset's data (download per format, API, model) as a CKAN resource. */
export const CkanResource = Type.Object({
  id: Type.String(),
  package_id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  format: Type.String(),
  mimetype: Nullable(Type.String()),
  mimetype_inner: Type.Null(),
  url: Type.String(),
  url_type: Type.Null(),
  resource_type: Type.String(),
  created: Type.String(),
  last_modified: Type.String(),
  metadata_modified: Type.String(),
  position: Type.Integer(),
  state: Type.Literal('active'),
  datastore_active: Type.Boolean(),
  size: Type.Null(),
  hash: Type.String(),
  cache_url: Type.Null(),
  cache_last_updated: Type.Null(),
});
/** A CKAN resource. */
export type CkanResource = Static<typeof CkanResource>;

/** An open dataset as a CKAN package. */
export const CkanPackage = Type.Object({
  id: Type.String(),
  name: Type.String({ description: '`zs-` and the resource code, lowercase, / as -' }),
  title: Type.String(),
  notes: Type.String(),
  url: Type.String(),
  version: Type.Null(),
  author: Type.String(),
  author_email: Type.Null(),
  maintainer: Nullable(Type.String()),
  maintainer_email: Nullable(Type.String()),
  license_id: Type.String(),
  license_title: Type.String(),
  isopen: Type.Boolean(),
  metadata_created: Type.String(),
  metadata_modified: Type.String(),
  organization: CkanOrganization,
  owner_org: Type.String(),
  tags: Type.Array(CkanTag),
  groups: Type.Array(CkanGroup),
  resources: Type.Array(CkanResource),
  extras: Type.Array(Type.Object({ key: Type.String(), value: Type.String() })),
  num_resources: Type.Integer(),
  num_tags: Type.Integer(),
  state: Type.Literal('active'),
  type: Type.Literal('dataset'),
  private: Type.Literal(false),
  relationships_as_object: Type.Array(Type.Never()),
  relationships_as_subject: Type.Array(Type.Never()),
});
/** A CKAN package. */
export type CkanPackage = Static<typeof CkanPackage>;

/** organization_show: the organization, with its datasets when `include_datasets` is asked. */
export const CkanOrganizationShow = Type.Object({
  ...CkanOrganization.properties,
  packages: Type.Optional(Type.Array(CkanPackage)),
});

const FacetItems = Type.Object({
  title: Type.String(),
  items: Type.Array(Type.Object({ name: Type.String(), display_name: Type.String(), count: Type.Integer() })),
});

/** The result of package_search. */
export const CkanSearchResult = Type.Object({
  count: Type.Integer(),
  sort: Type.String(),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  search_facets: Type.Record(Type.String(), FacetItems),
  results: Type.Array(CkanPackage),
});
/** A package_search result. */
export type CkanSearchResult = Static<typeof CkanSearchResult>;

/** The result of datastore_search (ckanext.datastore), records as objects. */
export const CkanDatastoreResult = Type.Object({
  include_total: Type.Boolean(),
  resource_id: Type.String(),
  fields: Type.Array(
    Type.Object({
      id: Type.String({ description: 'The field name' }),
      type: Type.String({
        description: 'text, numeric, int, date, timestamp or bool; masked items are text',
      }),
      info: Type.Object({ label: Type.String({ description: 'The information item’s name' }) }),
    }),
  ),
  records_format: Type.Literal('objects'),
  records: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  limit: Type.Integer(),
  offset: Type.Integer(),
  filters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  sort: Type.Optional(Type.String()),
  total: Type.Integer({ description: 'How many records match the filters' }),
  total_was_estimated: Type.Boolean(),
  _links: Type.Object({ start: Type.String(), next: Type.String() }),
});
/** A datastore_search result. */
export type CkanDatastoreResult = Static<typeof CkanDatastoreResult>;

/** The `error` of a failed call: CKAN's `__type`, a message or per-field messages. */
export const CkanErrorBody = Type.Object(
  { __type: Type.String(), message: Type.Optional(Type.String()) },
  { additionalProperties: Type.Array(Type.String()) },
);

/** CKAN's envelope of a successful call with the action's result. */
export function Success<T extends TSchema>(result: T) {
  return Type.Object({ help: Type.String(), success: Type.Literal(true), result });
}

/** CKAN's envelope of a failed call. */
export const Failure = Type.Object({
  help: Type.String(),
  success: Type.Literal(false),
  error: CkanErrorBody,
});
