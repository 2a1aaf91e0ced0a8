import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** The icon-only button that loads a list again. */
export function RefreshButton({ onRefresh }: { onRefresh(): void }) {
  const { t } = useI18n();
  return <Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t('common.refresh')} />;
}

/** The text search field (`q`) of a filter bar: Enter or the search icon applies the filters. */
export function FilterSearch({ placeholder, width }: { placeholder: string; width: number }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item name="q">
      <Input.Search placeholder={placeholder} allowClear onSearch={() => form.submit()} style={{ width }} />
    </Form.Item>
  );
}

/**
 * What FilterBar needs of a `useList` result. `setFilters` is written as a method so that a list of
 * any filters type fits; the bar only ever passes `{}` (no filters).
 */
export interface FilterBarList {
  setFilters(next: object): void;
  query: { refetch(): unknown };
}

/**
 * A list page's filter bar: the filter fields in one inline form, then search (`onSearch` with the
 * form's values), reset (clears the fields and the list's filters) and refresh (loads the list again).
 */
export function FilterBar<V extends object>({
  form,
  list,
  onSearch,
  children,
}: {
  form: FormInstance<V>;
  list: FilterBarList;
  onSearch(values: V): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form<V> form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 12 }}>
      {children}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            list.setFilters({});
          }}
        >
          {t('common.reset')}
        </Button>
        <RefreshButton onRefresh={() => list.query.refetch()} />
      </Space>
    </Form>
  );
}
