import { Table, type TableProps } from 'antd';
import type { Query } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import type { useList } from '../lib/useList.ts';
import { QueryError } from './QueryError.tsx';

/** What ListTable needs of a `useList` result (whatever its filters). */
export type ListSource<T> = Pick<
  ReturnType<typeof useList<T, Query>>,
  'query' | 'pagination' | 'onTableChange'
>;

/** Props of ListTable: the list, its empty text, and any other antd Table props (columns, scroll, …). */
export type ListTableProps<T> = Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination' | 'onChange' | 'locale'
> & {
  list: ListSource<T>;
  emptyText: string;
};

/**
 * The server-paged table of a list page, driven by `useList` (rows keyed by `id`, total shown, page
 * size changeable), with the error banner and its retry button above it when loading fails.
 */
export function ListTable<T extends object>({ list, emptyText, ...table }: ListTableProps<T>) {
  const { t } = useI18n();
  const { query } = list;
  return (
    <>
      {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      <Table<T>
        rowKey="id"
        {...table}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={{ ...list.pagination, showTotal: (total) => t('common.total', { total }) }}
        onChange={list.onTableChange}
        locale={{ emptyText }}
      />
    </>
  );
}
