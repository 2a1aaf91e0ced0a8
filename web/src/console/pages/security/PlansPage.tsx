import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, List, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Drill, OverviewRow, Plan, SecurityOverview } from '../../../api/security-registers.ts';
import { useSession } from '../../../auth/session.tsx';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { DrillEntry, PlanDrawer, PlanModal } from './PlanDrawer.tsx';
import { DueTag } from './shared.tsx';

interface Filters {
  departmentId?: string;
  [key: string]: string | undefined;
}

/** 应急预案与演练 (CQ19 §44): plans with review and drill due dates, the drill log, and every department's standing. */
export default function PlansPage() {
  const { t } = useI18n();
  const { can, info } = useSession();
  const [registering, setRegistering] = useState(false);
  const mayKeep = can('security.incident.manage') && !!info?.user.departmentId;
  return (
    <>
      <PageHeader
        title={t('security.plans.title')}
        description={t('security.plans.description')}
        extra={
          mayKeep && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="plan-register"
            >
              {t('security.plans.register')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          items={[
            { key: 'plans', label: t('security.plans.tab.plans'), children: <PlanList /> },
            { key: 'drills', label: t('security.plans.tab.drills'), children: <DrillList /> },
            { key: 'overview', label: t('security.plans.tab.overview'), children: <OverviewTable /> },
          ]}
        />
      </Card>
      {registering && <PlanModal onClose={() => setRegistering(false)} />}
    </>
  );
}

function PlanList() {
  const { t } = useI18n();
  const list = useList<Plan, Filters>('/security/plans', {});
  const [filterForm] = Form.useForm<Filters>();
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: TableColumnsType<Plan> = [
    {
      title: t('security.plan.field.title'),
      key: 'title',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)}>
            {row.title}
          </Typography.Link>{' '}
          <Tag>{row.version}</Tag>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.department.name}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('security.plan.field.approvedOn'),
      dataIndex: 'approvedOn',
      key: 'approvedOn',
      width: 110,
      render: formatDate,
    },
    {
      title: t('security.plan.review'),
      key: 'review',
      width: 130,
      render: (_: unknown, row) => <DueTag due={row.reviewDueOn} overdue={row.reviewOverdue} />,
    },
    {
      title: t('security.plan.lastDrill'),
      dataIndex: 'lastDrillOn',
      key: 'lastDrillOn',
      width: 110,
      render: (value: string | null) => formatDate(value) || '—',
    },
    {
      title: t('security.overview.drill'),
      key: 'drill',
      width: 130,
      render: (_: unknown, row) => <DueTag due={row.drillDueOn} overdue={row.drillOverdue} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, row) => (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpenId(row.id)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <FilterBar
        form={filterForm}
        list={list}
        onSearch={(values) => list.setFilters({ departmentId: values.departmentId })}
      >
        <Form.Item name="departmentId" label={t('security.department')}>
          <DepartmentSelect
            style={{ width: 220 }}
            placeholder={t('common.all')}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<Plan>
        list={list}
        columns={columns}
        emptyText={t('security.plans.empty')}
        scroll={{ x: 820 }}
        data-testid="plans-table"
      />
      {openId && <PlanDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function DrillList() {
  const { t } = useI18n();
  const list = useList<Drill, Filters>('/security/drills', {});
  const items = list.query.data?.items ?? [];
  return (
    <>
      {list.query.isError && <QueryError error={list.query.error} onRetry={() => list.query.refetch()} />}
      <List
        loading={list.query.isFetching}
        dataSource={items}
        locale={{ emptyText: t('security.drills.empty') }}
        pagination={{
          ...list.pagination,
          onChange: (page, pageSize) => list.onTableChange({ current: page, pageSize }, {}, []),
        }}
        renderItem={(drill) => (
          <div>
            <Typography.Text type="secondary">
              {drill.department.name} · {drill.planTitle}
            </Typography.Text>
            <DrillEntry drill={drill} />
          </div>
        )}
      />
    </>
  );
}

/** Every department in reach: drills and assessments due, plans to review, open incidents. */
function OverviewTable() {
  const { t } = useI18n();
  const overview = useQuery({
    queryKey: ['security/overview'],
    queryFn: ({ signal }) => api.get<SecurityOverview>('/security/overview', undefined, { signal }),
  });
  const data = overview.data;
  const columns: TableColumnsType<OverviewRow> = [
    { title: t('security.department'), key: 'department', render: (_: unknown, row) => row.department.name },
    {
      title: t('security.overview.plans'),
      key: 'plans',
      width: 110,
      render: (_: unknown, row) => (
        <>
          {row.currentPlans} {row.planReviewOverdue && <Tag color="error">{t('security.plan.review')}</Tag>}
        </>
      ),
    },
    {
      title: t('security.overview.drill'),
      key: 'drill',
      width: 170,
      render: (_: unknown, row) => (
        <>
          {formatDate(row.lastDrillOn) || '—'} <DueTag due={row.drillDueOn} overdue={row.drillOverdue} />
        </>
      ),
    },
    {
      title: t('security.overview.assessment'),
      key: 'assessment',
      width: 170,
      render: (_: unknown, row) => (
        <>
          {formatDate(row.lastAssessmentOn) || '—'}{' '}
          <DueTag due={row.assessmentDueOn} overdue={row.assessmentOverdue} />
        </>
      ),
    },
    {
      title: t('security.overview.incidents'),
      dataIndex: 'openIncidents',
      key: 'openIncidents',
      width: 100,
      align: 'right',
    },
    {
      title: t('security.overview.reportsOverdue'),
      dataIndex: 'reportsOverdue',
      key: 'reportsOverdue',
      width: 100,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : 0),
    },
  ];
  return (
    <>
      {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
      {data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('security.overview.intervals', {
            plan: data.intervals.planReviewMonths,
            drill: data.intervals.drillMonths,
            assessment: data.intervals.assessmentMonths,
          })}
        />
      )}
      <Table<OverviewRow>
        rowKey={(row) => row.department.id}
        loading={overview.isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('common.empty') }}
        data-testid="security-overview"
      />
    </>
  );
}
