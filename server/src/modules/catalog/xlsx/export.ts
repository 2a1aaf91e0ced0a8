// Export of a department's catalog list in the template's layout, so that the file can be edited
// and imported back. Cells hold the same Chinese names the import reads.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireDepartmentScope } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { findDepartment } from '../../org/departments.repository.ts';
import { inputOf, presentRevision } from '../catalog.presenter.ts';
import { listClasses, loadRevisions } from '../catalog.repository.ts';
import type { ClassRef, ResourceInput } from '../catalog.schemas.ts';
import { classLabel, valueLists, type Column, type ListValue } from './layout.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from './columns.ts';
import { removeTemporary, temporaryFile } from './temp-files.ts';
import { writeCatalogWorkbook, type CellValues } from './template.ts';
import { listExportRevisions } from './xlsx.repository.ts';

const BATCH = 200;

type Lists = Record<string, ListValue[]>;

function nameOf(lists: Lists, column: Column, code: string): string {
  return (column.list && lists[column.list]!.find((entry) => entry.code === code)?.zh) ?? code;
}

/** One property's value as the cell of its column shows it. */
function cellOf(column: Column, value: unknown, lists: Lists, classes: Map<string, ClassRef>) {
  if (value === null || value === undefined) return undefined;
  switch (column.kind) {
    case 'class': {
      const cls = classes.get(String(value));
      return cls ? classLabel(cls) : undefined;
    }
    case 'list':
      return nameOf(lists, column, String(value));
    case 'multi':
      return (
        (value as string[])
          .map((code) => nameOf(lists, column, code))
          .join(column.key === 'formats' ? ',' : '；') || undefined
      );
    case 'words':
      return (value as string[]).join('；') || undefined;
    case 'boolean':
      return value ? '是' : '否';
    case 'integer':
      return Number(value);
    default:
      return String(value);
  }
}

/** The 资源目录 row of a resource and its 信息项 rows. */
export function cellsOf(
  code: string,
  input: ResourceInput,
  lists: Lists,
  classes: Map<string, ClassRef>,
): { resource: CellValues; items: CellValues[] } {
  const source = { ...input, code } as Record<string, unknown>;
  const resource: CellValues = {};
  for (const column of RESOURCE_COLUMNS)
    resource[column.key] = cellOf(column, source[column.key], lists, classes);
  const items = input.items.map((item, index) => {
    const values: CellValues = { resourceCode: code, resourceName: input.name, position: index + 1 };
    const fields = item as Record<string, unknown>;
    for (const column of ITEM_COLUMNS.filter((c) => c.key in fields)) {
      values[column.key] = cellOf(column, fields[column.key], lists, classes);
    }
    return values;
  });
  return { resource, items };
}

/**
 * Writes the catalog list of a department (each resource's draft if it has one, else its published
 * revision) to a temporary .xlsx file. The actor must be in the department's scope; the export is
 * audited in the transaction that reads the list.
 */
export async function exportDepartmentList(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  departmentId: string,
): Promise<{ file: string; departmentName: string; count: number }> {
  const department = await findDepartment(db, departmentId);
  if (!department) throw notFound('what.department');
  requireDepartmentScope(context.actor!, department);
  const classList = await listClasses(db);
  const classes = new Map(classList.map((cls) => [cls.id, cls]));
  const lists = valueLists(profile) as Lists;
  const file = await temporaryFile('export.xlsx');
  try {
    const count = await db.transaction().execute(async (trx) => {
      const list = await listExportRevisions(trx, departmentId);
      await recordAudit(trx, context, {
        action: 'catalog.export',
        targetType: 'department',
        targetId: departmentId,
        departmentId,
        detail: { resources: list.length, format: 'xlsx' },
      });
      // Each sheet is written whole before the next, so each reads the revisions batch by batch.
      async function* batches(pick: (cells: ReturnType<typeof cellsOf>) => CellValues[]) {
        for (let start = 0; start < list.length; start += BATCH) {
          const slice = list.slice(start, start + BATCH);
          const revisions = await loadRevisions(
            trx,
            slice.map((entry) => entry.revisionId),
          );
          yield slice.flatMap((entry) => {
            const input = inputOf(presentRevision(revisions.get(entry.revisionId)!, classes));
            return pick(cellsOf(entry.code, input, lists, classes));
          });
        }
      }
      await writeCatalogWorkbook({ filename: file }, profile, classList, {
        resources: () => batches((cells) => [cells.resource]),
        items: () => batches((cells) => cells.items),
      });
      return list.length;
    });
    return { file, departmentName: department.name, count };
  } catch (error) {
    await removeTemporary(file);
    throw error;
  }
}
