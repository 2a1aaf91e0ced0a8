import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * Runs a filtered list query for one page and counts all its matches, in parallel. `order` adds
 * the ORDER BY (always end with a unique column so that pages do not overlap).
 */
export async function fetchPage<D, T extends keyof D, O>(
  query: SelectQueryBuilder<D, T, O>,
  window: { offset: number; limit: number },
  order: (query: SelectQueryBuilder<D, T, O>) => SelectQueryBuilder<D, T, O>,
): Promise<{ rows: O[]; total: number }> {
  // Generic query builders cannot type a new selection, so the count row is read as a plain record.
  const counter = query.clearSelect().select(sql<number>`count(*)`.as('n')) as unknown as {
    executeTakeFirstOrThrow(): Promise<{ n: number | string }>;
  };
  const [rows, count] = await Promise.all([
    order(query).offset(window.offset).limit(window.limit).execute(),
    counter.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
