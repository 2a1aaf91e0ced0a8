import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import './catalog.messages.ts';
import { insertClass, listClasses } from './catalog.repository.ts';
import type { ClassRef } from './catalog.schemas.ts';

/** The deepest level of the guide's classification: 类 / 项 / 目 / 细目. */
const DEEPEST_LEVEL = 4;

/**
 * Adds a classification node (项, 目 or 细目) below an existing one, e.g. a department's 项 under
 * 部门信息资源. Its code extends the parent's (the 前段码 of resource codes), its kind is the parent's.
 */
export async function createClass(
  db: Kysely<DB>,
  context: RequestContext,
  input: { parentId: string; code: string; name: string },
): Promise<ClassRef> {
  return db.transaction().execute(async (trx) => {
    const classes = await listClasses(trx);
    const parent = classes.find((cls) => cls.id === input.parentId);
    if (!parent) throw notFound('what.catalog_class');
    if (
      parent.path.length >= DEEPEST_LEVEL ||
      !input.code.startsWith(parent.code) ||
      input.code === parent.code
    ) {
      throw invalid('catalog.invalid', [
        { path: '/body/code', code: 'catalog.class_code_parent', params: { parent: parent.code } },
      ]);
    }
    if (classes.some((cls) => cls.code === input.code))
      throw conflict('catalog.class_code_taken', { code: input.code });
    const id = await insertClass(trx, {
      code: input.code,
      name: input.name.trim(),
      level: parent.path.length + 1,
      kind: parent.kind,
      parentId: parent.id,
    });
    await recordAudit(trx, context, {
      action: 'catalog.class.create',
      targetType: 'catalog_class',
      targetId: id,
      detail: { code: input.code, name: input.name, parent: parent.code },
    });
    return {
      id,
      code: input.code,
      name: input.name.trim(),
      kind: parent.kind,
      path: [...parent.path, input.name.trim()],
      baseDatabase: null,
    };
  });
}
