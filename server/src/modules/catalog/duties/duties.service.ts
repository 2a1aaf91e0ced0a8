// Responsibility lists per department, derived from the published catalog: collection duties
// (采集责任清单, CQ19 §13: every resource it provides, with its update cycle and key items) and open
// duties (开放责任清单, CQO §16: its unconditionally and conditionally open resources, with the open
// methods). Being queries over the published view, they follow every catalog version at once; what a
// version added to or removed from them is read from that version's changes.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { inDepartmentScope, requireDepartmentScope } from '../../../platform/policy/policy.ts';
import { findProvider } from '../catalog.repository.ts';
import { resourceScopeOf } from '../catalog.service.ts';
import '../demands/demands.messages.ts';
import {
  findVersion,
  keyItems,
  listDuties,
  versionChanges,
  type DutyKind,
  type VersionChangeRow,
} from './duties.repository.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** One page of a duty list (collection or opening), for one department or every one in scope; audited. */
export async function listDutyPage(
  db: Kysely<DB>,
  context: RequestContext,
  query: { departmentId?: string; kind?: DutyKind; page?: number; pageSize?: number },
) {
  const actor = context.actor!;
  const kind = query.kind ?? 'collect';
  if (query.departmentId) {
    const department = await findProvider(db, query.departmentId);
    if (!department) throw notFound('what.department');
    requireDepartmentScope(actor, { id: department.id, regionId: department.regionId });
  }
  const window = pageWindow(query);
  const { rows, total } = await listDuties(
    db,
    resourceScopeOf(actor),
    { departmentId: query.departmentId, kind },
    window,
  );
  const items = await keyItems(
    db,
    rows.map((row) => row.revisionId),
  );
  await recordAudit(db, context, {
    action: 'catalog.duty.list',
    targetType: 'catalog_duty',
    departmentId: query.departmentId ?? actor.departmentId,
    detail: { kind, departmentId: query.departmentId ?? null, page: window.page, total },
  });
  return {
    kind,
    total,
    page: window.page,
    pageSize: window.pageSize,
    items: rows.map((row) => ({
      resourceId: row.resourceId,
      code: row.code,
      name: row.name,
      department: { id: row.departmentId, name: row.departmentName },
      classCode: row.classCode,
      updateCycle: row.updateCycle,
      updateCycleNote: row.updateCycleNote,
      keyItems: items
        .filter((item) => item.revisionId === row.revisionId)
        .map(({ name, fieldName, isKey }) => ({ name, fieldName, isKey })),
      shareType: row.shareType,
      openType: row.openType,
      openMethods: kind === 'open' ? row.openMethods : [],
      openCondition: kind === 'open' ? row.openCondition : null,
      publishedAt: iso(row.publishedAt)!,
      modifiedAt: iso(row.modifiedAt)!,
      versionNumber: row.versionNumber,
      // Only what is known today: the last data load, which the data pools will record (issue 4).
      fulfilment: { dataUpdatedAt: iso(row.dataUpdatedAt) },
    })),
  };
}

/** A duty as a version changed it. */
interface DutyChange {
  resourceId: string;
  code: string;
  name: string;
  updateCycle: string | null;
  openType: string | null;
  openMethods: string[];
  /** For a changed duty: which of its terms changed. */
  fields: string[];
}

interface DepartmentChanges {
  department: { id: string; name: string };
  collect: { added: DutyChange[]; removed: DutyChange[]; changed: DutyChange[] };
  open: { added: DutyChange[]; removed: DutyChange[]; changed: DutyChange[] };
}

const isOpen = (openType: string | null) => openType === 'unconditional' || openType === 'conditional';
const sameList = (a: string[] | null, b: string[] | null) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

function duty(row: VersionChangeRow, side: 'before' | 'after', fields: string[] = []): DutyChange {
  const before = side === 'before';
  return {
    resourceId: row.resourceId,
    code: row.code,
    name: (before ? row.beforeName : row.afterName) ?? row.code,
    updateCycle: before ? row.beforeUpdateCycle : row.afterUpdateCycle,
    openType: before ? row.beforeOpenType : row.afterOpenType,
    openMethods: (before ? row.beforeOpenMethods : row.afterOpenMethods) ?? [],
    fields,
  };
}

/** Sorts one resource's change into the department's collection and open duty changes. */
function sortChange(target: DepartmentChanges, row: VersionChangeRow) {
  if (row.change === 'added') target.collect.added.push(duty(row, 'after'));
  if (row.change === 'removed') target.collect.removed.push(duty(row, 'before'));
  if (row.change === 'changed') {
    const fields = [
      ...(row.beforeName !== row.afterName ? ['name'] : []),
      ...(row.beforeUpdateCycle !== row.afterUpdateCycle ? ['updateCycle'] : []),
    ];
    if (fields.length > 0) target.collect.changed.push(duty(row, 'after', fields));
  }
  const wasOpen = row.change !== 'added' && isOpen(row.beforeOpenType);
  const nowOpen = row.change !== 'removed' && isOpen(row.afterOpenType);
  if (!wasOpen && nowOpen) target.open.added.push(duty(row, 'after'));
  if (wasOpen && !nowOpen) target.open.removed.push(duty(row, 'before'));
  if (wasOpen && nowOpen) {
    const fields = [
      ...(row.beforeName !== row.afterName ? ['name'] : []),
      ...(row.beforeOpenType !== row.afterOpenType ? ['openType'] : []),
      ...(!sameList(row.beforeOpenMethods, row.afterOpenMethods) ? ['openMethods'] : []),
    ];
    if (fields.length > 0) target.open.changed.push(duty(row, 'after', fields));
  }
}

/**
 * What a catalog version (the newest when none is given) changed in the duty lists, per department
 * the actor may see: collection duties added, removed or changed (name, update cycle), open duties
 * added (a resource became open), removed (withdrawn or closed) or changed (open type, methods).
 */
export async function dutyChanges(db: Kysely<DB>, context: RequestContext, number?: number) {
  const actor = context.actor!;
  const version = await findVersion(db, number);
  if (!version) throw notFound('what.catalog_version');
  const byDepartment = new Map<string, DepartmentChanges>();
  for (const row of await versionChanges(db, version.number)) {
    if (!inDepartmentScope(actor, { id: row.departmentId, regionId: row.regionId })) continue;
    let target = byDepartment.get(row.departmentId);
    if (!target) {
      target = {
        department: { id: row.departmentId, name: row.departmentName },
        collect: { added: [], removed: [], changed: [] },
        open: { added: [], removed: [], changed: [] },
      };
      byDepartment.set(row.departmentId, target);
    }
    sortChange(target, row);
  }
  await recordAudit(db, context, {
    action: 'catalog.duty.changes',
    targetType: 'catalog_version',
    targetId: String(version.number),
    detail: { departments: byDepartment.size },
  });
  return {
    version: version.number,
    publishedAt: iso(version.publishedAt)!,
    // A change that touched no duty term (e.g. only the abstract) leaves the duty lists as they were.
    departments: [...byDepartment.values()].filter((d) =>
      [d.collect, d.open].some((lists) => Object.values(lists).some((list) => list.length > 0)),
    ),
  };
}
