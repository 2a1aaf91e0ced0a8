import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Submission } from '../../../api/catalog.ts';
import { useSession } from '../../../auth/session.tsx';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FilterBar, RefreshButton } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useAllRegions } from '../../../components/RegionSelect.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { SubmissionDrawer } from './SubmissionDrawer.tsx';

interface Filters {
  inbox?: boolean;
  state?: string;
  departmentId?: string;
  [key: string]: string | boolean | undefined;
}

const STATES = ['pending', 'reviewed', 'withdrawn'] as const;
const STATE_COLORS: Record<string, string> = {
  pending: 'processing',
  reviewed: 'success',
  withdrawn: 'default',
};

/**
 * 目录审核 (`mode="inbox"`: the lists my authority holds now) and 提交记录 (`mode="records"`: the
 * department's own lists with each entry's decision and return reason, and 撤回).
 */
export default function ReviewPage({ mode }: { mode: 'inbox' | 'records' }) {
  const { t } = useI18n();
  const { info, can } = useSession();
  const regions = useAllRegions();
  const inbox = mode === 'inbox';
  const isAuthority = info?.user.role === 'authority_officer';
  const ownDepartment = info?.user.departmentId ?? undefined;
  const list = useList<Submission, Filters>(
    '/catalog/submissions',
    inbox ? { inbox: true, state: 'pending' } : { departmentId: isAuthority ? undefined : ownDepartment },
  );
  const [filterForm] = Form.useForm<{ state?: string; departmentId?: string }>();
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = list.query.data?.items.find((row) => row.id === openId);
  // A district authority passes lists up; only the top authority (no region above) approves.
  const myRegion = regions.data?.items.find((region) => region.id === info?.user.regionId);
  const lowerAuthority = !!myRegion?.parentId;

  const columns: TableColumnsType<Submission> = [
    {
      title: t('catalog.review.department'),
      dataIndex: 'departmentName',
      key: 'departmentName',
      render: (name: string, row) => (
        <Typography.Link strong onClick={() => setOpenId(row.id)}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('catalog.review.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      width: 150,
      render: formatDateTime,
    },
    { title: t('catalog.review.submittedBy'), dataIndex: 'submittedByName', key: 'by', width: 110 },
    {
      title: t('catalog.review.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 90,
      render: (kind: string) =>
        t(kind === 'update' ? 'catalog.review.kind.update' : 'catalog.review.kind.compile'),
    },
    {
      title: t('catalog.review.entries'),
      key: 'entries',
      width: 140,
      render: (_: unknown, row) =>
        t('catalog.review.counts', { total: row.entryCount, pending: row.pendingCount }),
    },
    { title: t('catalog.review.holder'), dataIndex: 'holderRegionName', key: 'holder', width: 100 },
    {
      title: t('catalog.review.due'),
      key: 'due',
      width: 140,
      render: (_: unknown, row) => (
        <Flex gap={4} align="center">
          {formatDate(row.dueOn) || '—'}
          {row.overdue && row.state === 'pending' && <Tag color="red">{t('catalog.review.overdue')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('catalog.state'),
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (state: string) => (
        <Tag color={STATE_COLORS[state]}>{t(`catalog.submission.${state as (typeof STATES)[number]}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Button
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setOpenId(row.id)}
          data-testid="submission-open"
        >
          {inbox && row.state === 'pending' ? t('catalog.review.open') : t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={inbox ? t('catalog.review.title') : t('catalog.records.title')}
        description={
          inbox
            ? lowerAuthority
              ? t('catalog.review.lowerDescription')
              : t('catalog.review.description')
            : t('catalog.records.description')
        }
      />
      <Card>
        {inbox ? (
          <Flex justify="flex-end" style={{ marginBottom: 12 }}>
            <RefreshButton onRefresh={() => list.query.refetch()} />
          </Flex>
        ) : (
          <FilterBar
            form={filterForm}
            list={list}
            onSearch={(values) =>
              list.setFilters({
                state: values.state,
                departmentId: isAuthority ? values.departmentId : ownDepartment,
              })
            }
          >
            {isAuthority && (
              <Form.Item name="departmentId" label={t('catalog.review.department')}>
                <DepartmentSelect
                  style={{ width: 220 }}
                  placeholder={t('common.all')}
                  onChange={() => filterForm.submit()}
                />
              </Form.Item>
            )}
            <Form.Item name="state" label={t('catalog.state')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={STATES.map((state) => ({ value: state, label: t(`catalog.submission.${state}`) }))}
                onChange={() => filterForm.submit()}
              />
            </Form.Item>
          </FilterBar>
        )}
        <ListTable<Submission>
          list={list}
          emptyText={inbox ? t('catalog.review.empty') : t('catalog.records.empty')}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="submissions-table"
        />
      </Card>
      <SubmissionDrawer
        id={openId}
        mayDecide={inbox && can('catalog.review')}
        mayForward={inbox && lowerAuthority}
        mayWithdraw={!inbox && opened?.departmentId === ownDepartment}
        onClose={() => setOpenId(null)}
      />
    </>
  );
}
