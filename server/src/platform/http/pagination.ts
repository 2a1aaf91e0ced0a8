import { Type, type Static, type TSchema } from 'typebox';

/** Query parameters of every list route: 1-based `page`, `pageSize` up to 200, `sort` as `field` or `-field`. */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  sort: Type.Optional(Type.String({ pattern: '^-?[a-zA-Z]+$', maxLength: 40 })),
});
/** Parsed paging parameters. */
export type PageQuery = Static<typeof PageQuery>;

/** The body of every list response. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

/** Offset and limit for a page. */
export function pageWindow(query: { page?: number; pageSize?: number }): {
  offset: number;
  limit: number;
  page: number;
  pageSize: number;
} {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return { offset: (page - 1) * pageSize, limit: pageSize, page, pageSize };
}

/**
 * Turns `sort=-createdAt` into a column and direction, allowing only the listed fields
 * (API field name → SQL column); anything else falls back to the default.
 */
export function sortOrder<C extends string>(
  sort: string | undefined,
  allowed: Record<string, C>,
  fallback: { column: C; direction: 'asc' | 'desc' },
): { column: C; direction: 'asc' | 'desc' } {
  if (!sort) return fallback;
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const column = allowed[sort.replace(/^-/, '')];
  return column ? { column, direction } : fallback;
}
