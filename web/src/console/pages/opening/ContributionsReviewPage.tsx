import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Popconfirm,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  CONTRIBUTION_STATES,
  participationApi,
  type Contribution,
  type ContributionState,
} from '../../../api/opening-participation.ts';
import { FilterBar, FilterSearch } from '../../../components/FilterBar.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { ReasonModal } from './participation-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

interface Filters {
  state: ContributionState;
  q?: string;
}

const STATE_COLORS: Record<ContributionState, string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** The query key of the review list (starts with `open`, so every opening change reloads it). */
const KEY = 'open/contributions/review';

/**
 * 多源数据审核: organisations' datasets of the region for the authority (waiting ones first); a row
 * opens the facts and the first rows; approve, or reject with a reason.
 */
export default function ContributionsReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const [filters, setFilters] = useState<Filters>({ state: 'submitted' });
  const [filterForm] = Form.useForm<{ state?: ContributionState; q?: string }>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Contribution | null>(null);
  // The route answers the whole list at once (no pages): the table pages it in the browser.
  const list = useQuery({
    queryKey: [KEY, 'list', filters],
    queryFn: ({ signal }) =>
      participationApi.contributions({ state: filters.state, q: filters.q, pageSize: 100 }, signal),
  });

  const approve = async (row: Contribution) => {
    try {
      await participationApi.reviewContribution(row.id, { decision: 'approve' });
      message.success(t('participation.contributions.approved'));
    } catch (error) {
      message.error(errorText(error, t));
    }
    await refresh();
  };

  const columns: TableColumnsType<Contribution> = [
    {
      title: t('participation.contributions.name'),
      key: 'name',
      render: (_: unknown, row) => (
        <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="contribution-open">
          {row.name}
        </Typography.Link>
      ),
    },
    {
      title: t('participation.contributions.publisher'),
      dataIndex: 'publisher',
      key: 'publisher',
      width: 200,
    },
    {
      title: t('participation.contributions.size'),
      key: 'size',
      width: 150,
      render: (_: unknown, row) =>
        t('participation.contributions.sizeValue', { rows: row.rows, columns: row.columns.length }),
    },
    {
      title: t('participation.contributions.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('participation.field.state'),
      key: 'state',
      width: 110,
      render: (_: unknown, row) => (
        <Tag color={STATE_COLORS[row.state]}>{t(`participation.contributions.state.${row.state}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, row) =>
        row.state === 'submitted' && (
          <Flex gap={8}>
            <Popconfirm
              title={t('participation.contributions.approveConfirm', { name: row.name })}
              onConfirm={() => approve(row)}
              okText={t('participation.showcase.approve')}
              cancelText={t('common.cancel')}
            >
              <Button size="small" type="primary" data-testid="contribution-approve">
                {t('participation.showcase.approve')}
              </Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setRejecting(row)} data-testid="contribution-reject">
              {t('participation.contributions.reject')}
            </Button>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('participation.contributions.title')}
        description={t('participation.contributions.description')}
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={{
            query: list,
            setFilters: () => setFilters({ state: 'submitted' }),
          }}
          onSearch={(values) =>
            setFilters({ state: values.state ?? 'submitted', q: values.q?.trim() || undefined })
          }
        >
          <FilterSearch placeholder={t('participation.contributions.name')} width={200} />
          <Form.Item name="state" label={t('participation.field.state')} initialValue="submitted">
            <Select
              style={{ width: 120 }}
              options={CONTRIBUTION_STATES.map((state) => ({
                value: state,
                label: t(`participation.contributions.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
        </FilterBar>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <Table<Contribution>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('participation.contributions.empty') }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 1000 }}
          data-testid="contributions-table"
        />
      </Card>
      {openId && <ContributionDrawer id={openId} onClose={() => setOpenId(null)} />}
      {rejecting && (
        <ReasonModal
          name="contribution-reject"
          title={t('participation.contributions.rejectTitle', { name: rejecting.name })}
          label={t('participation.showcase.reason')}
          help={t('participation.showcase.reasonHelp')}
          requiredText={t('participation.contributions.reasonRequired')}
          okText={t('participation.contributions.reject')}
          maxLength={2000}
          onClose={() => setRejecting(null)}
          onSubmit={async (reason) => {
            try {
              await participationApi.reviewContribution(rejecting.id, { decision: 'reject', reason });
              message.success(t('participation.contributions.rejected'));
            } finally {
              await refresh();
            }
          }}
        />
      )}
    </>
  );
}

/** One dataset: its description, licence and source, the digest, and its first rows as text. */
function ContributionDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: [KEY, 'detail', id],
    queryFn: ({ signal }) => participationApi.contribution(id, signal),
  });
  const item = detail.data;
  return (
    <Drawer
      open
      size={820}
      onClose={onClose}
      title={item?.name ?? t('app.loading')}
      data-testid="contribution-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!item ? (
        !detail.isError && <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('participation.contributions.publisher')}>
              {item.publisher}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.field.state')}>
              <Tag color={STATE_COLORS[item.state]}>
                {t(`participation.contributions.state.${item.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.showcase.descriptionLabel')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {item.description}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.keywords')} span={2}>
              {item.keywords.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.licence')}>
              {item.licence}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.updateCycle')}>
              {item.updateCycle}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.sourceNote')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {item.sourceNote}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.size')}>
              {t('participation.contributions.sizeValue', { rows: item.rows, columns: item.columns.length })}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.createdAt')}>
              {formatDateTime(item.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.contributions.digest')} span={2}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {item.digest}
              </Typography.Text>
            </Descriptions.Item>
            {item.reviewReason && (
              <Descriptions.Item label={t('participation.contributions.reviewReason')} span={2}>
                {item.reviewReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('participation.contributions.preview')}</Typography.Title>
            <Table<string[]>
              size="small"
              rowKey={(_, index) => String(index)}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={item.preview}
              columns={item.columns.map((column, index) => ({
                title: column,
                key: String(index),
                render: (_: unknown, row: string[]) => row[index] ?? '',
              }))}
              data-testid="contribution-preview"
            />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
