import { EyeOutlined } from '@ant-design/icons';
import { Card, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { APPLICATION_STATES, type ApplicationState, type OpenApplication } from '../../../api/opening.ts';
import { useSession } from '../../../auth/session.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { DueCell } from '../sharing/shared.tsx';
import { ApplicationDrawer } from './ApplicationDrawer.tsx';
import { ApplicationStateTag } from './shared.tsx';

interface Filters {
  state?: ApplicationState;
  overdue?: string;
  [key: string]: string | undefined;
}

interface FilterValues {
  state?: ApplicationState;
  overdue?: 'true' | 'false';
}

/**
 * 开放申请: the applications for the own department's conditionally open data (those who answer
 * them see the waiting ones first) or, for the authority, the region's; filters by state and
 * overdue; a row opens the detail with the decision.
 */
export default function ApplicationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  // Who answers starts on what waits for the answer; the authority starts on everything.
  const first: Filters = can('open.application.answer') ? { state: 'submitted' } : {};
  const list = useList<OpenApplication, Filters>('/open/applications', first);
  const [filterForm] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(params.get('application'));
  const close = () => {
    setOpenId(null);
    if (params.has('application')) setParams({}, { replace: true });
  };

  const columns: TableColumnsType<OpenApplication> = [
    {
      title: t('opening.field.dataset'),
      key: 'dataset',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="application-open">
            {row.resource.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.code} · {row.provider.name}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<OpenApplication>(t('opening.field.level')),
    {
      title: t('opening.field.applicant'),
      key: 'applicant',
      width: 170,
      render: (_: unknown, row) => row.applicant.name,
    },
    { title: t('opening.field.purpose'), dataIndex: 'purpose', key: 'purpose', ellipsis: true },
    {
      title: t('opening.field.state'),
      key: 'state',
      width: 140,
      render: (_: unknown, row) => <ApplicationStateTag state={row.state} decision={row.decision} />,
    },
    {
      title: t('opening.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 110,
      render: formatDate,
    },
    {
      title: t('opening.field.dueOn'),
      key: 'dueOn',
      width: 170,
      render: (_: unknown, row) => (
        <DueCell
          dueOn={row.dueOn}
          overdue={row.overdue}
          workdaysLeft={row.workdaysLeft}
          waiting={row.state === 'submitted'}
        />
      ),
    },
    {
      title: t('opening.field.agreement'),
      key: 'agreement',
      width: 150,
      render: (_: unknown, row) => row.agreement?.number ?? '—',
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

  const filterList = { query: list.query, setFilters: () => list.setFilters(first) };
  return (
    <>
      <PageHeader
        title={t('opening.applications.title')}
        description={t('opening.applications.description')}
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={filterList}
          onSearch={(values) => list.setFilters({ state: values.state, overdue: values.overdue })}
        >
          <Form.Item name="state" label={t('opening.field.state')} initialValue={first.state}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={APPLICATION_STATES.map((state) => ({
                value: state,
                label: t(`opening.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
          <Form.Item name="overdue" label={t('opening.filter.overdue')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={[
                { value: 'true', label: t('opening.filter.overdueOnly') },
                { value: 'false', label: t('opening.filter.notOverdue') },
              ]}
              onChange={() => filterForm.submit()}
              data-testid="filter-overdue"
            />
          </Form.Item>
        </FilterBar>
        <ListTable<OpenApplication>
          list={list}
          emptyText={t('opening.applications.empty')}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="applications-table"
        />
      </Card>
      {openId && <ApplicationDrawer id={openId} onClose={close} />}
    </>
  );
}
