import { EyeOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  BREACH_STATES,
  supervisionApi,
  type Breach,
  type BreachFilters,
  type BreachState,
} from '../../../api/opening-supervision.ts';
import { useSession } from '../../../auth/session.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { BreachDrawer, BreachStateTag, RectifyBy } from './BreachDrawer.tsx';

interface FilterValues {
  state?: BreachState;
  overdue?: 'true' | 'false';
}

/**
 * 利用监管: breaches of data usage agreements on the own department's data (the region's for the
 * authority and auditors), filtered by state and by a missed rectification date; a row opens the
 * breach with the user's report and the decision. Breaches are recorded on the agreement.
 */
export default function BreachesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<BreachFilters>({});
  const [filterForm] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(params.get('breach'));
  // The list answers every breach in scope at once (no pages): a department has few.
  const query = useQuery({
    queryKey: ['open/breaches', 'list', filters],
    queryFn: ({ signal }) => supervisionApi.breaches(filters, signal),
    placeholderData: keepPreviousData,
  });
  const close = () => {
    setOpenId(null);
    if (params.has('breach')) setParams({}, { replace: true });
  };

  const columns: TableColumnsType<Breach> = [
    {
      title: t('supervision.field.agreement'),
      key: 'agreement',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="breach-open">
            {row.agreement.number}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.name ?? '—'} · {row.provider.name}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<Breach>(t('supervision.field.level')),
    {
      title: t('supervision.field.applicant'),
      key: 'applicant',
      width: 140,
      render: (_: unknown, row) => row.applicant?.name ?? '—',
    },
    { title: t('supervision.field.breach'), dataIndex: 'breach', key: 'breach', ellipsis: true },
    {
      title: t('supervision.field.rectifyBy'),
      key: 'rectifyBy',
      width: 150,
      render: (_: unknown, row) => <RectifyBy breach={row} />,
    },
    {
      title: t('supervision.field.state'),
      key: 'state',
      width: 130,
      render: (_: unknown, row) => <BreachStateTag state={row.state} />,
    },
    {
      title: t('supervision.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Typography.Link onClick={() => setOpenId(row.id)}>
          <EyeOutlined /> {t('common.details')}
        </Typography.Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('supervision.breaches.title')}
        description={t('supervision.breaches.description')}
      />
      <Card>
        {!can('open.agreement.supervise') && (
          <Alert type="info" showIcon title={t('supervision.readOnly')} style={{ marginBottom: 12 }} />
        )}
        <FilterBar
          form={filterForm}
          list={{ query, setFilters: () => setFilters({}) }}
          onSearch={(values) =>
            setFilters({
              state: values.state,
              overdue: values.overdue === undefined ? undefined : values.overdue === 'true',
            })
          }
        >
          <Form.Item name="state" label={t('supervision.field.state')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 150 }}
              options={BREACH_STATES.map((state) => ({
                value: state,
                label: t(`supervision.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
          <Form.Item name="overdue" label={t('supervision.filter.overdue')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
              onChange={() => filterForm.submit()}
              data-testid="filter-overdue"
            />
          </Form.Item>
        </FilterBar>
        {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
        <Table<Breach>
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data ?? []}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('supervision.breaches.empty') }}
          scroll={{ x: 1000 }}
          data-testid="breaches-table"
        />
      </Card>
      {openId && <BreachDrawer id={openId} onClose={close} />}
    </>
  );
}
