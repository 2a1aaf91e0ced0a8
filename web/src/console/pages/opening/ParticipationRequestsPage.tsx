import { EyeOutlined } from '@ant-design/icons';
import { Card, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  PARTICIPATION_PATHS,
  REQUEST_KINDS,
  REQUEST_STATES,
  type ParticipationRequest,
  type RequestKind,
  type RequestState,
} from '../../../api/opening-participation.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { DueCell } from '../sharing/shared.tsx';
import {
  HANDLER_PERMISSIONS,
  RequestKindTag,
  RequestStateTag,
  RequireAnyPermission,
} from './participation-shared.tsx';
import { OpenDatasetSelect } from './oversight-shared.tsx';
import { ParticipationRequestDrawer } from './ParticipationRequestDrawer.tsx';

interface Filters {
  kind?: RequestKind;
  state?: RequestState;
  resourceId?: string;
  overdue?: string;
  [key: string]: string | undefined;
}

type FilterValues = Pick<Filters, 'kind' | 'state' | 'resourceId'> & { overdue?: 'true' | 'false' };

// Both sides start on what waits for their answer.
const FIRST: Filters = { state: 'submitted' };

/**
 * 公众诉求: corrections, data error reports and opinions for the own department (provider staff) or
 * the region (the authority), with their due dates; a row opens the detail with the answer form.
 */
export default function ParticipationRequestsPage() {
  return (
    <RequireAnyPermission permissions={HANDLER_PERMISSIONS}>
      <RequestsList />
    </RequireAnyPermission>
  );
}

function RequestsList() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const list = useList<ParticipationRequest, Filters>(PARTICIPATION_PATHS.requests, FIRST);
  const [filterForm] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(params.get('request'));
  const close = () => {
    setOpenId(null);
    if (params.has('request')) setParams({}, { replace: true });
  };

  const columns: TableColumnsType<ParticipationRequest> = [
    {
      title: t('participation.field.kind'),
      key: 'kind',
      width: 130,
      render: (_: unknown, row) => <RequestKindTag kind={row.kind} />,
    },
    {
      title: t('participation.field.dataset'),
      key: 'dataset',
      width: 240,
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="request-open">
            {row.resource?.name ?? t('participation.field.noDataset')}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource ? `${row.resource.code} · ` : ''}
            {row.responsible.name}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('participation.field.statement'),
      dataIndex: 'statement',
      key: 'statement',
      ellipsis: true,
    },
    {
      title: t('participation.field.requester'),
      key: 'requester',
      width: 130,
      render: (_: unknown, row) => row.requester?.name ?? '—',
    },
    {
      title: t('participation.field.state'),
      key: 'state',
      width: 110,
      render: (_: unknown, row) => <RequestStateTag state={row.state} />,
    },
    {
      title: t('participation.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 110,
      render: formatDate,
    },
    {
      title: t('participation.field.dueOn'),
      key: 'dueOn',
      width: 180,
      render: (_: unknown, row) =>
        row.state === 'submitted' && !row.dueOn ? (
          <Typography.Text type="secondary">{t('participation.noDeadline')}</Typography.Text>
        ) : (
          <DueCell
            dueOn={row.dueOn}
            overdue={row.overdue}
            workdaysLeft={row.workdaysLeft}
            waiting={row.state === 'submitted'}
          />
        ),
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

  const filterList = { query: list.query, setFilters: () => list.setFilters(FIRST) };
  return (
    <>
      <PageHeader
        title={t('participation.requests.title')}
        description={t('participation.requests.description')}
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={filterList}
          onSearch={(values) =>
            list.setFilters({
              kind: values.kind,
              state: values.state,
              resourceId: values.resourceId,
              overdue: values.overdue,
            })
          }
        >
          <Form.Item name="kind" label={t('participation.field.kind')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 150 }}
              options={REQUEST_KINDS.map((kind) => ({ value: kind, label: t(`participation.kind.${kind}`) }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-kind"
            />
          </Form.Item>
          <Form.Item name="state" label={t('participation.field.state')} initialValue={FIRST.state}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={REQUEST_STATES.map((state) => ({
                value: state,
                label: t(`participation.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
          <Form.Item name="resourceId" label={t('participation.field.dataset')}>
            <OpenDatasetSelect id="filter-dataset" width={260} onChange={() => filterForm.submit()} />
          </Form.Item>
          <Form.Item name="overdue" label={t('participation.filter.overdue')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={[
                { value: 'true', label: t('participation.filter.overdueOnly') },
                { value: 'false', label: t('participation.filter.notOverdue') },
              ]}
              onChange={() => filterForm.submit()}
              data-testid="filter-overdue"
            />
          </Form.Item>
        </FilterBar>
        <ListTable<ParticipationRequest>
          list={list}
          emptyText={t('participation.requests.empty')}
          columns={columns}
          scroll={{ x: 1150 }}
          data-testid="participation-requests-table"
        />
      </Card>
      {openId && <ParticipationRequestDrawer id={openId} onClose={close} />}
    </>
  );
}
