import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import type { ResourceSummary } from '../../../../api/catalog.ts';
import type { PromiseCheck } from '../../../../api/catalog-projects.ts';
import { api } from '../../../../api/client.ts';
import type { Page } from '../../../../api/types.ts';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { useDebounced } from '../../../../lib/useDebounced.ts';
import { useState } from 'react';

/**
 * 关联目录资源: the owner points a promise at one of its own published catalog resources (the
 * report's suggestions first, any other found by words of its name or code).
 */
export function LinkModal({
  promise,
  departmentId,
  onLink,
  onClose,
}: {
  promise: PromiseCheck;
  departmentId: string;
  onLink(resourceId: string): Promise<unknown>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useQuery({
    queryKey: ['catalog', 'resources', 'link-options', departmentId, q],
    queryFn: ({ signal }) =>
      api.get<Page<ResourceSummary>>(
        '/catalog/resources',
        { departmentId, status: 'published', q, pageSize: 20, sort: 'code' },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
  const suggested = new Set(promise.suggestions.map((s) => s.id));
  const options = [
    ...(promise.suggestions.length > 0 && !q
      ? [
          {
            label: t('catalog.projects.link.suggested'),
            options: promise.suggestions.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` })),
          },
        ]
      : []),
    {
      label: t('catalog.projects.link.published'),
      options: (found.data?.items ?? [])
        .filter((r) => q || !suggested.has(r.id))
        .map((r) => ({ value: r.id, label: `${r.code} ${r.name}` })),
    },
  ];

  return (
    <FormModal<{ resourceId: string }>
      name="link"
      title={t('catalog.projects.link.title', { name: promise.name ?? `#${promise.index + 1}` })}
      okText={t('catalog.projects.link.ok')}
      fieldNames={[]}
      initialValues={{ resourceId: promise.suggestions[0]?.id }}
      onClose={onClose}
      onSubmit={async ({ resourceId }) => {
        await onLink(resourceId);
        onClose();
      }}
    >
      <Form.Item
        name="resourceId"
        label={t('catalog.projects.field.resource')}
        extra={t('catalog.projects.link.help')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', { field: t('catalog.projects.field.resource') }),
          },
        ]}
      >
        <Select
          options={options}
          loading={found.isFetching}
          showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
          placeholder={t('catalog.projects.link.placeholder')}
          notFoundContent={found.isFetching ? t('app.loading') : t('common.empty')}
        />
      </Form.Item>
    </FormModal>
  );
}
