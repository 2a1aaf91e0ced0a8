// One shape for the request, grant and dispute lists: the side asked for becomes a scope (see
// `partyScope`), a page is fetched, the listing is audited with its filters, and rows are presented.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { partyScope, type PartyScope, type PartySide } from './sharing-scope.ts';

/** The sides of the request and dispute lists as the API names them. */
export const CASE_SIDES = { applicant: 'asker', provider: 'provider', authority: 'region' } as const;

/** A list query: a side, paging, and the list's own filters. */
type SideQuery<S extends string> = { side?: S; page?: number; pageSize?: number };

/** How one list is read and shown. */
export interface SideList<S extends string, F, Row, Item> {
  /** Audit action and target type of the listing, e.g. `share.request.list`, `share_request`. */
  action: string;
  targetType: string;
  sides: Record<S, PartySide>;
  fetch(
    scope: PartyScope,
    filter: F,
    window: { offset: number; limit: number },
  ): Promise<{ rows: Row[]; total: number }>;
  present(row: Row): Item;
}

/** A page of a list for the side asked for (or the actor's default side), audited with its filters. */
export async function pageForSide<S extends string, F, Row, Item>(
  db: Kysely<DB>,
  context: RequestContext,
  list: SideList<S, F, Row, Item>,
  query: SideQuery<S> & F,
) {
  const { side, page: _page, pageSize: _pageSize, ...filter } = query;
  const scope = partyScope(context.actor!, side ? list.sides[side] : undefined, side);
  const window = pageWindow(query);
  const { rows, total } = await list.fetch(scope, filter as F, window);
  await recordAudit(db, context, {
    action: list.action,
    targetType: list.targetType,
    detail: { side: side ?? null, scope: scope.kind, filter, page: window.page, total },
  });
  return { items: rows.map((row) => list.present(row)), total, page: window.page, pageSize: window.pageSize };
}
