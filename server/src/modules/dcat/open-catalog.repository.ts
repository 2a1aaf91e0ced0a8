// Reads of the open catalog (开放目录) for the public interoperability views (DCAT, CKAN): only
// published entries whose open type is unconditional or conditional and passed its secrecy review
// (保密审查), and only the fields the open catalog shows. Nothing here selects share types, security levels or item sensitivity.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ClassKind } from '../catalog/catalog.tables.ts';

/** The open types whose resources the public may see; `none` never leaves the platform. */
export const OPEN_TYPES = ['unconditional', 'conditional'] as const;
/** An open type the public views show. */
export type OpenType = (typeof OPEN_TYPES)[number];

/** A node of the classification as the open catalog shows it. */
export interface OpenClass {
  id: string;
  code: string;
  name: string;
  level: number;
  kind: ClassKind;
}

/** An information item as the open catalog shows it (no sensitivity). */
export interface OpenItem {
  name: string;
  fieldName: string;
  dataType: string;
  length: number | null;
  scale: number | null;
  description: string | null;
}

/** The provider (提供方) of an open resource. */
export interface OpenProvider {
  id: string;
  name: string;
  creditCode: string;
  createdAt: Date;
}

/** One open resource with everything the open catalog shows about it. */
export interface OpenDataset {
  id: string;
  code: string;
  name: string;
  abstract: string;
  keywords: string[];
  provider: OpenProvider;
  /** The classification path from the 类 down to the resource's own class. */
  classPath: OpenClass[];
  formatType: string;
  formats: string[];
  openType: OpenType;
  openCondition: string | null;
  openMethods: string[];
  /** Legal basis of the open type (required by the profile for conditional opening). */
  openBasis: string | null;
  usageRequirements: string | null;
  updateCycle: string;
  updateCycleNote: string | null;
  publishedAt: Date;
  modifiedAt: Date;
  versionNumber: number;
  /** Related resources that are themselves open (others are not named to the public). */
  related: { id: string; code: string }[];
  temporalStart: string | null;
  temporalEnd: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  items: OpenItem[];
}

/** Which open entries to load: by resource ids, or one page of the whole open catalog by code. */
export type OpenSelection = { ids: string[] } | { offset: number; limit: number };

/** Every prefix of a class code: its ancestors' codes (a node's code is the whole prefix). */
export function classCodePrefixes(code: string): string[] {
  return Array.from({ length: code.length }, (_, i) => code.slice(0, i + 1));
}

/** Loads open datasets with their provider, classification path, items and open related codes. */
export async function loadOpenDatasets(db: Kysely<DB>, selection: OpenSelection): Promise<OpenDataset[]> {
  let query = db
    .selectFrom('catalog_entries as e')
    .innerJoin('catalog_revisions as r', 'r.id', 'e.revision_id')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'e.resource_id',
      'e.revision_id',
      'e.code',
      'e.name',
      'e.abstract',
      'e.keywords',
      'e.class_code',
      'e.format_type',
      'e.formats',
      'e.update_cycle',
      'e.published_at',
      'e.modified_at',
      'e.version_number',
      'r.open_type',
      'r.open_condition',
      'r.open_methods',
      'r.open_basis',
      'r.usage_requirements',
      'r.update_cycle_note',
      'r.related_codes',
      'r.temporal_start',
      'r.temporal_end',
      'r.contact_name',
      'r.contact_phone',
      'r.contact_email',
      'd.id as department_id',
      'd.name as department_name',
      'd.credit_code',
      'd.created_at as department_created_at',
    ])
    .where('e.open_type', 'in', OPEN_TYPES)
    .where('e.open_review_passed', '=', true);
  if ('ids' in selection) {
    if (selection.ids.length === 0) return [];
    query = query.where('e.resource_id', 'in', selection.ids);
  } else {
    query = query
      .orderBy(sql`e.code COLLATE "C"`)
      .offset(selection.offset)
      .limit(selection.limit);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];

  const revisionIds = rows.map((row) => row.revision_id);
  const prefixes = [...new Set(rows.flatMap((row) => classCodePrefixes(row.class_code)))];
  const relatedCodes = [...new Set(rows.flatMap((row) => row.related_codes))];
  const [items, classes, related] = await Promise.all([
    db
      .selectFrom('catalog_items')
      .select(['revision_id', 'name', 'field_name', 'data_type', 'length', 'scale', 'description'])
      .where('revision_id', 'in', revisionIds)
      .orderBy('revision_id')
      .orderBy('position')
      .execute(),
    findClassesByCode(db, prefixes),
    relatedCodes.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('catalog_entries')
          .select(['resource_id', 'code'])
          .where('code', 'in', relatedCodes)
          .where('open_type', 'in', OPEN_TYPES)
          .where('open_review_passed', '=', true)
          .execute(),
  ]);
  const classByCode = new Map(classes.map((c) => [c.code, c]));
  const openRelated = new Map(related.map((r) => [r.code, r.resource_id]));
  const itemsByRevision = new Map<string, OpenItem[]>();
  for (const item of items) {
    const list = itemsByRevision.get(item.revision_id) ?? [];
    list.push({
      name: item.name,
      fieldName: item.field_name,
      dataType: item.data_type,
      length: item.length,
      scale: item.scale,
      description: item.description,
    });
    itemsByRevision.set(item.revision_id, list);
  }

  return rows.map((row) => ({
    id: row.resource_id,
    code: row.code,
    name: row.name,
    abstract: row.abstract,
    keywords: row.keywords,
    provider: {
      id: row.department_id,
      name: row.department_name,
      creditCode: row.credit_code,
      createdAt: row.department_created_at,
    },
    classPath: classCodePrefixes(row.class_code).flatMap((code) => classByCode.get(code) ?? []),
    formatType: row.format_type,
    formats: row.formats,
    openType: row.open_type as OpenType,
    openCondition: row.open_condition,
    openMethods: row.open_methods,
    openBasis: row.open_basis,
    usageRequirements: row.usage_requirements,
    updateCycle: row.update_cycle,
    updateCycleNote: row.update_cycle_note,
    publishedAt: new Date(row.published_at),
    modifiedAt: new Date(row.modified_at),
    versionNumber: row.version_number,
    related: row.related_codes.flatMap((code) => {
      const id = openRelated.get(code);
      return id ? [{ id, code }] : [];
    }),
    temporalStart: row.temporal_start,
    temporalEnd: row.temporal_end,
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    items: itemsByRevision.get(row.revision_id) ?? [],
  }));
}

/** Classification nodes by code (used for the paths of open resources). */
export function findClassesByCode(db: Kysely<DB>, codes: string[]): Promise<OpenClass[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_classes')
    .select(['id', 'code', 'name', 'level', 'kind'])
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
}

/** The open resource with this code, or undefined (also for a resource that is not open). */
export async function findOpenIdByCode(db: Kysely<DB>, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('catalog_entries')
    .select('resource_id')
    .where('code', '=', code)
    .where('open_type', 'in', OPEN_TYPES)
    .where('open_review_passed', '=', true)
    .executeTakeFirst();
  return row?.resource_id;
}

/** How many resources the open catalog holds, and when it last changed. */
export async function openCatalogSummary(
  db: Kysely<DB>,
): Promise<{ total: number; modifiedAt: Date | null }> {
  const row = await db
    .selectFrom('catalog_entries')
    .select((eb) => [eb.fn.countAll<string | number>().as('total'), eb.fn.max('modified_at').as('modified')])
    .where('open_type', 'in', OPEN_TYPES)
    .where('open_review_passed', '=', true)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), modifiedAt: row.modified ? new Date(row.modified) : null };
}

/**
 * The catalog's publisher: the data authority (数据主管部门) of the top region of the tree. With
 * several top regions the one with the lowest division code is taken.
 */
export function findTopAuthority(db: Kysely<DB>) {
  return db
    .selectFrom('departments as d')
    .innerJoin('regions as g', 'g.id', 'd.region_id')
    .select(['d.id', 'd.name', 'd.credit_code as creditCode', 'g.name as regionName'])
    .where('d.kind', '=', 'authority')
    .where('g.parent_id', 'is', null)
    .orderBy('g.code')
    .limit(1)
    .executeTakeFirst();
}
