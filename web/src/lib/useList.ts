import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface.js';
import { useState } from 'react';
import { api, type Query } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/** A server-paged, server-sorted, filtered list for an antd Table. */
export function useList<T, F extends Query>(path: string, initialFilters: F, defaultSort?: string) {
  const [filters, setFiltersState] = useState<F>(initialFilters);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>(defaultSort);

  const query = useQuery({
    queryKey: [path.slice(1), 'list', { ...filters, page, pageSize, sort }],
    queryFn: ({ signal }) => api.get<Page<T>>(path, { ...filters, page, pageSize, sort }, { signal }),
    placeholderData: keepPreviousData,
  });

  return {
    query,
    filters,
    /** New filters start again from the first page. */
    setFilters: (next: F) => {
      setFiltersState(next);
      setPage(1);
    },
    pagination: {
      current: page,
      pageSize,
      total: query.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
    } satisfies TablePaginationConfig,
    /** Table onChange: page, page size and column sort. */
    onTableChange: (
      pagination: TablePaginationConfig,
      _filters: unknown,
      sorter: SorterResult<T> | SorterResult<T>[],
    ) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = one?.order
        ? Array.isArray(one.field)
          ? one.field.join('.')
          : String(one.field ?? '')
        : '';
      const nextSort = field ? `${one?.order === 'descend' ? '-' : ''}${field}` : defaultSort;
      if (nextSort !== sort) {
        setSort(nextSort);
        setPage(1);
      } else {
        setPage(pagination.current ?? 1);
      }
      setPageSize(pagination.pageSize ?? 20);
    },
    sortOrderOf: (field: string): 'ascend' | 'descend' | null =>
      sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null,
  };
}
