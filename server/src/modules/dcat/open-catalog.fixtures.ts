// Test data for the public views: published catalog entries written straight into the tables, so
// that the DCAT and CKAN tests control every field (open types, methods, legal bases, temporal
// coverage, related codes) without going through the review workflow.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { indexText } from '../../platform/search/segmenter.ts';
import { createWorld } from '../../test/factories.ts';
import type { AccessType } from '../catalog/catalog.tables.ts';

/** What a test says about one published resource; the rest gets plausible defaults. */
export interface EntryFixture {
  code: string;
  name: string;
  departmentId: string;
  regionId: string;
  classCode: string;
  openType: AccessType;
  abstract?: string;
  keywords?: string[];
  formats?: string[];
  openMethods?: string[];
  openCondition?: string | null;
  openBasis?: string | null;
  usageRequirements?: string | null;
  updateCycle?: string;
  relatedCodes?: string[];
  temporalStart?: string | null;
  temporalEnd?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  /** Words of the search vector (already cut, separated by spaces). */
  words?: string;
  publishedAt?: string;
  modifiedAt?: string;
}

/** Inserts a resource with a published revision, its items and its catalog entry; returns its id. */
export async function insertPublishedEntry(db: Kysely<DB>, fixture: EntryFixture): Promise<string> {
  const klass = await db
    .selectFrom('catalog_classes')
    .select(['id', 'kind'])
    .where('code', '=', fixture.classCode)
    .executeTakeFirstOrThrow();
  const publishedAt = fixture.publishedAt ?? '2024-03-01T08:00:00Z';
  const modifiedAt = fixture.modifiedAt ?? publishedAt;
  const resource = await db
    .insertInto('catalog_resources')
    .values({
      code: fixture.code,
      department_id: fixture.departmentId,
      region_id: fixture.regionId,
      status: 'published',
      first_published_at: publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const revision = {
    resource_id: resource.id,
    number: 1,
    state: 'published' as const,
    class_id: klass.id,
    name: fixture.name,
    abstract: fixture.abstract ?? `${fixture.name}的摘要，说明数据的内容、范围和用途。`,
    keywords: fixture.keywords ?? [],
    format_type: 'spreadsheet',
    formats: fixture.formats ?? ['CSV'],
    share_type: 'conditional' as const,
    share_condition: '仅限依法履职使用（共享条件，不得出现在开放目录）',
    share_methods: ['database'],
    share_basis: '共享依据：不得公开的内部依据',
    open_type: fixture.openType,
    open_condition: fixture.openCondition ?? null,
    open_methods: fixture.openMethods ?? ['download'],
    open_basis: fixture.openBasis ?? null,
    security_level: 'important',
    usage_requirements: fixture.usageRequirements ?? null,
    update_cycle: fixture.updateCycle ?? 'monthly',
    related_codes: fixture.relatedCodes ?? [],
    contact_name: fixture.contactName ?? null,
    contact_phone: fixture.contactPhone ?? null,
    contact_email: fixture.contactEmail ?? null,
    temporal_start: fixture.temporalStart ?? null,
    temporal_end: fixture.temporalEnd ?? null,
  };
  const { id: revisionId } = await db
    .insertInto('catalog_revisions')
    .values(revision)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('catalog_items')
    .values([
      {
        revision_id: revisionId,
        position: 0,
        name: '统一编号',
        field_name: 'tybh',
        data_type: 'C',
        length: 32,
        scale: null,
        description: '记录的唯一编号',
        sensitivity: 'general',
        is_key: true,
        required: true,
      },
      {
        revision_id: revisionId,
        position: 1,
        name: '联系人身份证号',
        field_name: 'lxrsfzh',
        data_type: 'C',
        length: 18,
        scale: null,
        description: null,
        sensitivity: 'sensitive',
        is_key: false,
        required: false,
      },
    ])
    .execute();
  await db
    .updateTable('catalog_resources')
    .set({ published_revision_id: revisionId })
    .where('id', '=', resource.id)
    .execute();
  const version = await db
    .selectFrom('catalog_versions')
    .select('number')
    .where('number', '=', 1)
    .executeTakeFirst();
  if (!version)
    await db.insertInto('catalog_versions').values({ number: 1, published_at: publishedAt }).execute();
  await db
    .insertInto('catalog_entries')
    .values({
      resource_id: resource.id,
      revision_id: revisionId,
      code: fixture.code,
      name: fixture.name,
      abstract: revision.abstract,
      department_id: fixture.departmentId,
      region_id: fixture.regionId,
      class_id: klass.id,
      class_kind: klass.kind,
      class_code: fixture.classCode,
      share_type: 'conditional',
      open_type: fixture.openType,
      format_type: 'spreadsheet',
      formats: revision.formats,
      update_cycle: revision.update_cycle,
      security_level: 'important',
      keywords: revision.keywords,
      published_at: publishedAt,
      modified_at: modifiedAt,
      version_number: 1,
      // A fixture of a reviewed resource: its open attributes passed the secrecy review.
      share_review_passed: true,
      open_review_passed: true,
      search_vector: sql<string>`to_tsvector('simple', ${fixture.words ?? fixture.name})`,
    })
    .execute();
  return resource.id;
}

/** Adds a 目 below an existing 项 (the migration seeds only 类 and 项). */
export async function insertClass(db: Kysely<DB>, parentCode: string, code: string, name: string) {
  const parent = await db
    .selectFrom('catalog_classes')
    .select(['id', 'kind'])
    .where('code', '=', parentCode)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('catalog_classes')
    .values({ code, name, level: 3, kind: parent.kind, parent_id: parent.id })
    .execute();
}

/** The codes of the sample open catalog. */
export const SAMPLE = {
  bus: '201001/000001',
  companies: '102/000002',
  census: '101/000003',
  air: '201/000004',
} as const;

/**
 * A small published catalog: an unconditionally open resource with downloads, an API, temporal
 * coverage and related resources; a conditionally open one with a legal basis, API and model
 * access; an open one without file formats; and one that is not open (`census`).
 */
export async function seedOpenCatalog(db: Kysely<DB>) {
  const world = await createWorld(db);
  await insertClass(db, '201', '201001', '公交出行');
  const words = (...texts: string[]) => indexText(texts.join(' '));
  const ids = {
    bus: await insertPublishedEntry(db, {
      code: SAMPLE.bus,
      name: '公交线路信息',
      abstract: '全市公交线路的线路名称、起讫站点、首末班时间和票价。',
      departmentId: world.police.id,
      regionId: world.city.id,
      classCode: '201001',
      openType: 'unconditional',
      keywords: ['公交', '线路'],
      formats: ['CSV', 'XLSX'],
      openMethods: ['download', 'api'],
      usageRequirements: '使用时注明数据来源',
      relatedCodes: [SAMPLE.companies, SAMPLE.census],
      temporalStart: '2020-01-01',
      temporalEnd: '2023-12-31',
      contactName: '市公安局数据处',
      contactEmail: 'data@police.example.gov.cn',
      contactPhone: '023-63201234',
      words: words('公交线路信息', '全市公交线路的线路名称、起讫站点、首末班时间和票价', '公交 线路'),
      publishedAt: '2024-01-10T02:00:00Z',
      modifiedAt: '2024-05-01T02:00:00Z',
    }),
    companies: await insertPublishedEntry(db, {
      code: SAMPLE.companies,
      name: '企业登记信息',
      abstract: '企业名称、统一社会信用代码、登记机关和登记状态。',
      departmentId: world.market.id,
      regionId: world.city.id,
      classCode: '102',
      openType: 'conditional',
      keywords: ['企业', '登记'],
      formats: ['JSON'],
      openMethods: ['api', 'model'],
      openCondition: '仅向完成实名认证的法人开放',
      openBasis: '《重庆市公共数据开放管理暂行办法》第十三条',
      updateCycle: 'daily',
      relatedCodes: [SAMPLE.bus],
      words: words('企业登记信息', '企业名称、统一社会信用代码、登记机关和登记状态', '企业 登记'),
      publishedAt: '2024-02-01T02:00:00Z',
    }),
    census: await insertPublishedEntry(db, {
      code: SAMPLE.census,
      name: '户籍人口信息',
      abstract: '户籍人口的姓名、身份证号和住址（不予开放）。',
      departmentId: world.police.id,
      regionId: world.city.id,
      classCode: '101',
      openType: 'none',
      keywords: ['户籍', '不开放的关键词'],
      formats: ['CSV'],
      openMethods: [],
      openBasis: '涉及个人隐私，不予开放',
      words: words('户籍人口信息', '公交 企业 空气'),
    }),
    air: await insertPublishedEntry(db, {
      code: SAMPLE.air,
      name: '空气质量监测数据',
      abstract: '各监测站点的空气质量指数和主要污染物浓度。',
      departmentId: world.market.id,
      regionId: world.city.id,
      classCode: '201',
      openType: 'unconditional',
      keywords: ['空气', '环境'],
      formats: [],
      openMethods: ['download'],
      updateCycle: 'realtime',
      words: words('空气质量监测数据', '各监测站点的空气质量指数和主要污染物浓度', '空气 环境'),
      publishedAt: '2024-03-01T02:00:00Z',
    }),
  };
  return { world, ids };
}
