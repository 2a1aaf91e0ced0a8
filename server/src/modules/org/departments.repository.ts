import { sql, type Kysely } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import { idsInSubtree } from '../../platform/db/tree.ts';
import type { DB, DepartmentTable } from '../../platform/db/schema.ts';
import { sortOrder } from '../../platform/http/pagination.ts';
import type { Department } from './org.schemas.ts';
import { containing } from '../../platform/db/like.ts';

function selectDepartments(db: Kysely<DB>) {
  return db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.id', 'd.region_id')
    .leftJoin('departments as p', 'p.id', 'd.parent_id')
    .select([
      'd.id',
      'd.name',
      'd.short_name as shortName',
      'd.credit_code as creditCode',
      'd.region_id as regionId',
      'r.name as regionName',
      'd.parent_id as parentId',
      'p.name as parentName',
      'd.kind',
      'd.created_at as createdAt',
    ]);
}

type DepartmentRow = Omit<Department, 'createdAt'> & { createdAt: Date };

function toDepartment(row: DepartmentRow): Department {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

const SORTABLE = { name: 'd.name', createdAt: 'd.created_at', creditCode: 'd.credit_code' } as const;

/** Lists departments with filters and paging. */
export async function listDepartments(
  db: Kysely<DB>,
  filter: { regionId?: string; kind?: string; q?: string; sort?: string; offset: number; limit: number },
): Promise<{ items: Department[]; total: number }> {
  let query = selectDepartments(db);
  if (filter.regionId) query = query.where('d.region_id', '=', filter.regionId);
  if (filter.kind) query = query.where('d.kind', '=', filter.kind as DepartmentTable['kind']);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        eb('d.name', 'like', containing(q)),
        eb('d.short_name', 'like', containing(q)),
        eb('d.credit_code', '=', q.toUpperCase()),
      ]),
    );
  }
  const order = sortOrder(filter.sort, SORTABLE, { column: 'd.name', direction: 'asc' });
  const { rows, total } = await fetchPage(query, filter, (q) =>
    q.orderBy(order.column, order.direction).orderBy('d.id'),
  );
  return { items: rows.map(toDepartment), total };
}

/** Finds one department. */
export async function findDepartment(db: Kysely<DB>, id: string): Promise<Department | undefined> {
  const row = await selectDepartments(db).where('d.id', '=', id).executeTakeFirst();
  return row ? toDepartment(row) : undefined;
}

/** What makes a new department clash with existing ones, if anything. */
export async function departmentClash(
  db: Kysely<DB>,
  values: { creditCode?: string; name?: string; regionId: string; kind?: string },
  exceptId?: string,
): Promise<'credit_code' | 'name' | 'authority' | undefined> {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'credit_code', 'name', 'kind'])
    .where((eb) =>
      eb.or([
        eb('credit_code', '=', values.creditCode ?? ''),
        eb.and([eb('region_id', '=', values.regionId), eb('name', '=', values.name ?? '')]),
        eb.and([eb('region_id', '=', values.regionId), eb('kind', '=', 'authority')]),
      ]),
    )
    .execute();
  const others = rows.filter((row) => row.id !== exceptId);
  if (others.some((row) => row.credit_code === values.creditCode)) return 'credit_code';
  if (others.some((row) => row.name === values.name)) return 'name';
  if (values.kind === 'authority' && others.some((row) => row.kind === 'authority')) return 'authority';
  return undefined;
}

/** Ids of a department and all departments below it (to refuse cycles). */
export function departmentSubtree(db: Kysely<DB>, id: string): Promise<string[]> {
  return idsInSubtree(db, 'departments', id);
}

/** Inserts a department; returns its id. */
export async function insertDepartment(
  db: Kysely<DB>,
  values: {
    name: string;
    shortName: string | null;
    creditCode: string;
    regionId: string;
    parentId: string | null;
    kind: DepartmentTable['kind'];
  },
): Promise<string> {
  const row = await db
    .insertInto('departments')
    .values({
      name: values.name,
      short_name: values.shortName,
      credit_code: values.creditCode,
      region_id: values.regionId,
      parent_id: values.parentId,
      kind: values.kind,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a department's names or parent. */
export async function updateDepartment(
  db: Kysely<DB>,
  id: string,
  values: { name?: string; shortName?: string | null; parentId?: string | null },
): Promise<void> {
  await db
    .updateTable('departments')
    .set({
      ...(values.name !== undefined && { name: values.name }),
      ...(values.shortName !== undefined && { short_name: values.shortName }),
      ...(values.parentId !== undefined && { parent_id: values.parentId }),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** The id of the department with this credit code, if any. */
export async function findDepartmentIdByCreditCode(
  db: Kysely<DB>,
  creditCode: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('credit_code', '=', creditCode.toUpperCase())
    .executeTakeFirst();
  return row?.id;
}
