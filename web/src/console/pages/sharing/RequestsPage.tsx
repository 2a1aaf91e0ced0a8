import { EyeOutlined } from '@ant-design/icons';
import { Card, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SHARE_REQUEST_STATES, type ShareRequest, type ShareRequestState } from '../../../api/sharing.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { RequestDrawer } from './RequestDrawer.tsx';
import { RequestDue, RequestStateTag } from './shared.tsx';

/** Whose requests a page lists: the own department's, those to answer, those the authority opens. */
export type RequestSide = 'applicant' | 'provider' | 'authority';

interface Filters {
  side: RequestSide;
  state?: ShareRequestState;
  [key: string]: string | undefined;
}

// What each page shows first: everything one asked for; what still waits for one's answer.
const FIRST_STATE: Record<RequestSide, ShareRequestState | undefined> = {
  applicant: undefined,
  provider: 'submitted',
  authority: 'awaiting_authority',
};

/**
 * 我的申请 (applicant), 待我答复 (provider) and 待开通 (authority, SC §25): the requests with their
 * state, due date and days left; a row opens the detail with the case's steps and the next act.
 */
export default function RequestsPage({ side }: { side: RequestSide }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const list = useList<ShareRequest, Filters>('/share/requests', { side, state: FIRST_STATE[side] });
  const [filterForm] = Form.useForm<{ state?: ShareRequestState }>();
  const [openId, setOpenId] = useState<string | null>(params.get('request'));
  const close = () => {
    setOpenId(null);
    if (params.has('request')) setParams({}, { replace: true });
  };

  const columns: TableColumnsType<ShareRequest> = [
    {
      title: t('sharing.field.resource'),
      key: 'resource',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="request-open">
            {row.resource.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.code} · {t(`sharing.basis.${row.kind}`)}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<ShareRequest>(t('sharing.field.level')),
    {
      title: t(side === 'applicant' ? 'sharing.field.provider' : 'sharing.field.applicant'),
      key: 'party',
      width: 190,
      render: (_: unknown, row) => (side === 'applicant' ? row.provider.name : row.applicant.name),
    },
    { title: t('sharing.field.application'), dataIndex: 'application', key: 'application', width: 150 },
    {
      title: t('sharing.field.purpose'),
      dataIndex: 'purpose',
      key: 'purpose',
      ellipsis: true,
    },
    {
      title: t('sharing.field.state'),
      key: 'state',
      width: 130,
      render: (_: unknown, row) => <RequestStateTag state={row.state} decision={row.decision} />,
    },
    {
      title: t('sharing.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 110,
      render: formatDate,
    },
    {
      title: t('sharing.field.dueOn'),
      key: 'dueOn',
      width: 170,
      render: (_: unknown, row) => <RequestDue request={row} />,
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

  // Reset goes back to the page's first view; the side is never a filter the user clears.
  const filterList = {
    query: list.query,
    setFilters: () => list.setFilters({ side, state: FIRST_STATE[side] }),
  };

  return (
    <>
      <PageHeader
        title={t(`sharing.requests.${side}.title`)}
        description={t(`sharing.requests.${side}.description`)}
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={filterList}
          onSearch={(values) => list.setFilters({ side, state: values.state })}
        >
          <Form.Item name="state" label={t('sharing.field.state')} initialValue={FIRST_STATE[side]}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={SHARE_REQUEST_STATES.map((state) => ({
                value: state,
                label: t(`sharing.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
        </FilterBar>
        <ListTable<ShareRequest>
          list={list}
          emptyText={t(`sharing.requests.${side}.empty`)}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="requests-table"
        />
      </Card>
      {openId && <RequestDrawer id={openId} side={side} onClose={close} />}
    </>
  );
}
