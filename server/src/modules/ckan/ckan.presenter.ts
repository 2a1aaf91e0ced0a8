// CKAN dictionaries (package, resource, organization, group, tag) of the open catalog, with
// CKAN's field names so that CKAN clients and harvesters read them unchanged.
import type { Locale } from '../../platform/i18n/messages.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import { FORMAT_TYPES, OPEN_METHODS, UPDATE_CYCLES } from '../catalog/catalog.vocabulary.ts';
import { accessPoints, ckanName, landingPageUrl, type AccessPoint } from '../dcat/open-catalog.ts';
import type { OpenClass, OpenDataset } from '../dcat/open-catalog.repository.ts';
import type { CkanGroup, CkanOrganization, CkanPackage, CkanResource } from './ckan.schemas.ts';

/** What presenting needs besides the data: where the caller reached us, in which language. */
export interface PresentContext {
  origin: string;
  locale: Locale;
  profile: Profile;
  /** Ids of the datasets whose rows datastore_search serves (`datastore_active`); none when absent. */
  datastoreActive?: ReadonlySet<string>;
}

/** CKAN's timestamp format: ISO 8601 in UTC without a zone, with microseconds. */
export function ckanTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000`;
}

/** The CKAN organization name of a provider: its credit code in lowercase. */
export function organizationName(creditCode: string): string {
  return creditCode.toLowerCase();
}

/** The CKAN group name of a class: `class-` and its code. */
export function groupName(code: string): string {
  return `class-${code}`;
}

/** The class code a group name stands for, or null. */
export function classCodeOfGroup(name: string): string | null {
  const match = /^class-([0-9]+)$/.exec(name);
  return match ? match[1]! : null;
}

const nameOf = (
  terms: readonly { code: string; name: Record<Locale, string> }[],
  code: string,
  locale: Locale,
) => terms.find((t) => t.code === code)?.name[locale] ?? code;

/** A provider as a CKAN organization. */
export function presentOrganization(
  provider: { id: string; name: string; creditCode: string; createdAt: Date },
  packageCount?: number,
): CkanOrganization {
  return {
    id: provider.id,
    name: organizationName(provider.creditCode),
    title: provider.name,
    display_name: provider.name,
    description: '',
    type: 'organization',
    is_organization: true,
    state: 'active',
    approval_status: 'approved',
    image_url: '',
    image_display_url: '',
    created: ckanTime(provider.createdAt),
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

/** A class as a CKAN group. */
export function presentGroup(
  node: Pick<OpenClass, 'id' | 'code' | 'name'> & { createdAt?: Date },
  path: string,
  packageCount?: number,
): CkanGroup {
  return {
    id: node.id,
    name: groupName(node.code),
    title: node.name,
    display_name: node.name,
    description: path,
    type: 'group',
    is_organization: false,
    state: 'active',
    approval_status: 'approved',
    image_url: '',
    image_display_url: '',
    ...(node.createdAt ? { created: ckanTime(node.createdAt) } : {}),
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

/** The CKAN id of an access point: the package id and the point's key. */
export function resourceId(datasetId: string, point: AccessPoint): string {
  return `${datasetId}-${point.key}`;
}

/** One access point of an open dataset as a CKAN resource. */
export function presentResource(
  dataset: OpenDataset,
  point: AccessPoint,
  position: number,
  context: PresentContext,
): CkanResource {
  const method = nameOf(OPEN_METHODS, point.method, context.locale);
  return {
    id: resourceId(dataset.id, point),
    package_id: dataset.id,
    name: point.format ? `${dataset.name}（${method} ${point.format}）` : `${dataset.name}（${method}）`,
    description: method,
    format: point.method === 'api' ? 'API' : (point.format ?? ''),
    mimetype: point.mediaType,
    mimetype_inner: null,
    url: point.url,
    url_type: null,
    resource_type: point.method === 'download' ? 'file' : point.method,
    created: ckanTime(dataset.publishedAt),
    last_modified: ckanTime(dataset.modifiedAt),
    metadata_modified: ckanTime(dataset.modifiedAt),
    position,
    state: 'active',
    // Every resource id of the dataset reaches the same rows through datastore_search.
    datastore_active: context.datastoreActive?.has(dataset.id) ?? false,
    size: null,
    hash: '',
    cache_url: null,
    cache_last_updated: null,
  };
}

/** The classification path as text: `2 主题信息资源 / 201 公共服务`. */
export function classPathText(path: Pick<OpenClass, 'code' | 'name'>[]): string {
  return path.map((node) => `${node.code} ${node.name}`).join(' / ');
}

function extras(dataset: OpenDataset, context: PresentContext): { key: string; value: string }[] {
  const { locale } = context;
  const values: [string, string | null][] = [
    ['resource_code', dataset.code],
    ['open_type', dataset.openType],
    ['open_type_name', context.profile.categories.open[dataset.openType][locale]],
    ['open_condition', dataset.openCondition],
    ['open_methods', dataset.openMethods.join(',')],
    ['legal_basis', dataset.openBasis],
    ['usage_requirements', dataset.usageRequirements],
    ['update_cycle', dataset.updateCycle],
    ['update_cycle_name', nameOf(UPDATE_CYCLES, dataset.updateCycle, locale)],
    ['update_cycle_note', dataset.updateCycleNote],
    ['classification', classPathText(dataset.classPath)],
    ['format_type', nameOf(FORMAT_TYPES, dataset.formatType, locale)],
    ['temporal_start', dataset.temporalStart],
    ['temporal_end', dataset.temporalEnd],
    ['related_resources', dataset.related.map((r) => r.code).join(',')],
    ['contact_phone', dataset.contact.phone],
    ['catalog_version', String(dataset.versionNumber)],
    [
      'information_items',
      JSON.stringify(
        dataset.items.map((item) => ({
          name: item.name,
          field: item.fieldName,
          type: item.dataType,
          length: item.length,
          description: item.description,
        })),
      ),
    ],
  ];
  return values.flatMap(([key, value]) => (value ? [{ key, value }] : []));
}

/** An open dataset as a CKAN package. */
export function presentPackage(dataset: OpenDataset, context: PresentContext): CkanPackage {
  const points = accessPoints(dataset, context.origin);
  const tags = dataset.keywords.map((keyword) => ({
    id: keyword,
    name: keyword,
    display_name: keyword,
    state: 'active',
    vocabulary_id: null,
  }));
  return {
    id: dataset.id,
    name: ckanName(dataset.code),
    title: dataset.name,
    notes: dataset.abstract,
    url: landingPageUrl(context.origin, dataset.id),
    version: null,
    author: dataset.provider.name,
    author_email: null,
    maintainer: dataset.contact.name,
    maintainer_email: dataset.contact.email,
    license_id: 'notspecified',
    license_title: 'License not specified',
    isopen: false,
    metadata_created: ckanTime(dataset.publishedAt),
    metadata_modified: ckanTime(dataset.modifiedAt),
    organization: presentOrganization(dataset.provider),
    owner_org: dataset.provider.id,
    tags,
    groups: dataset.classPath.map((node, index) =>
      presentGroup(node, classPathText(dataset.classPath.slice(0, index + 1))),
    ),
    resources: points.map((point, index) => presentResource(dataset, point, index, context)),
    extras: extras(dataset, context),
    num_resources: points.length,
    num_tags: tags.length,
    state: 'active',
    type: 'dataset',
    private: false,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
