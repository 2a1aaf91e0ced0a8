import { App, Button, Card, Descriptions, Flex, Form, Popconfirm, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  PARTICIPATION_PATHS,
  participationApi,
  SHOWCASE_STATES,
  type ShowcaseEntry,
  type ShowcaseState,
} from '../../../api/opening-participation.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { useList } from '../../../lib/useList.ts';
import { ExternalLink, ReasonModal } from './participation-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

type StateFilter = ShowcaseState | 'all';

interface Filters {
  state?: StateFilter;
  [key: string]: string | undefined;
}

const FIRST: Filters = { state: 'submitted' };

const STATE_COLORS: Record<ShowcaseState, string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'default',
};

/**
 * 应用展示审核: the authority's list of showcase entries (what waits for review first); approve, or
 * reject with the reason the submitter reads. Addresses are shown as text and open without an
 * opener; every text is the submitter's own, shown as text.
 */
export default function ShowcaseReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const list = useList<ShowcaseEntry, Filters>(PARTICIPATION_PATHS.showcase, FIRST);
  const [filterForm] = Form.useForm<{ state?: StateFilter }>();
  const [rejecting, setRejecting] = useState<ShowcaseEntry | null>(null);

  const approve = async (entry: ShowcaseEntry) => {
    try {
      await participationApi.reviewShowcase(entry.id, { decision: 'approve' });
      message.success(t('participation.showcase.approved'));
    } catch (error) {
      message.error(errorText(error, t));
    }
    await refresh();
  };

  const columns: TableColumnsType<ShowcaseEntry> = [
    {
      title: t('participation.showcase.name'),
      key: 'name',
      width: 220,
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{row.name}</Typography.Text>
          <span>
            <Tag>{t(`participation.showcase.kind.${row.kind}`)}</Tag>
          </span>
        </Flex>
      ),
    },
    {
      title: t('participation.showcase.url'),
      key: 'url',
      width: 240,
      render: (_: unknown, row) => <ExternalLink url={row.url} />,
    },
    {
      title: t('participation.showcase.datasets'),
      key: 'datasets',
      render: (_: unknown, row) => row.datasets.map((dataset) => dataset.name).join('、') || '—',
    },
    {
      title: t('participation.showcase.submitter'),
      key: 'submitter',
      width: 130,
      render: (_: unknown, row) => row.submitter.name,
    },
    {
      title: t('participation.showcase.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('participation.field.state'),
      key: 'state',
      width: 120,
      render: (_: unknown, row) => (
        <Tag color={STATE_COLORS[row.state]} data-testid="showcase-state">
          {t(`participation.showcase.state.${row.state}`)}
        </Tag>
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
              title={t('participation.showcase.approveConfirm', { name: row.name })}
              onConfirm={() => approve(row)}
              okText={t('participation.showcase.approve')}
              cancelText={t('common.cancel')}
            >
              <Button size="small" type="primary" data-testid="showcase-approve">
                {t('participation.showcase.approve')}
              </Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setRejecting(row)} data-testid="showcase-reject">
              {t('participation.showcase.reject')}
            </Button>
          </Flex>
        ),
    },
  ];

  const filterList = { query: list.query, setFilters: () => list.setFilters(FIRST) };
  return (
    <>
      <PageHeader
        title={t('participation.showcase.title')}
        description={t('participation.showcase.description')}
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={filterList}
          onSearch={(values) => list.setFilters({ state: values.state ?? 'all' })}
        >
          <Form.Item name="state" label={t('participation.field.state')} initialValue={FIRST.state}>
            <Select
              style={{ width: 130 }}
              options={[...SHOWCASE_STATES, 'all' as const].map((state) => ({
                value: state,
                label: t(`participation.showcase.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
        </FilterBar>
        <ListTable<ShowcaseEntry>
          list={list}
          emptyText={t('participation.showcase.empty')}
          columns={columns}
          scroll={{ x: 1200 }}
          expandable={{ expandedRowRender: (row) => <EntryFacts entry={row} />, columnWidth: 40 }}
          data-testid="showcase-table"
        />
      </Card>
      {rejecting && (
        <ReasonModal
          name="showcase-reject"
          title={t('participation.showcase.rejectTitle', { name: rejecting.name })}
          label={t('participation.showcase.reason')}
          help={t('participation.showcase.reasonHelp')}
          requiredText={t('participation.showcase.reasonRequired')}
          okText={t('participation.showcase.reject')}
          maxLength={1000}
          subject={rejecting.description}
          onClose={() => setRejecting(null)}
          onSubmit={async (reason) => {
            try {
              await participationApi.reviewShowcase(rejecting.id, { decision: 'reject', reason });
              message.success(t('participation.showcase.rejected'));
            } finally {
              await refresh();
            }
          }}
        />
      )}
    </>
  );
}

/** The entry's description, how it cites the data, and the review once made. */
function EntryFacts({ entry }: { entry: ShowcaseEntry }) {
  const { t } = useI18n();
  return (
    <Descriptions column={1} size="small" data-testid="showcase-facts">
      <Descriptions.Item label={t('participation.showcase.descriptionLabel')}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {entry.description}
        </Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.showcase.citation')}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {entry.citation}
        </Typography.Paragraph>
      </Descriptions.Item>
      {entry.reviewedAt && (
        <Descriptions.Item label={t('participation.showcase.review')}>
          {t('participation.showcase.reviewedBy', {
            name: entry.reviewedByName ?? '—',
            at: formatDateTime(entry.reviewedAt),
          })}
          {entry.reviewReason ? `：${entry.reviewReason}` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
