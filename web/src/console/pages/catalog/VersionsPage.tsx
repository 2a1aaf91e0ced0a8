import { CloudUploadOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Collapse,
  Drawer,
  Flex,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { CatalogVersion, CatalogVersionDetail, PendingChange } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../auth/session.tsx';
import { RefreshButton } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { invalidateCatalog } from './meta.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { useList } from '../../../lib/useList.ts';
import { DiffView } from './DiffView.tsx';
import { ChangeTag } from './HistoryDrawer.tsx';

// ECharts is large: it loads only when the overview is shown.
const CatalogCharts = lazy(() => import('./CatalogCharts.tsx'));

/** 新增 3 · 变更 1 · 撤销 0 as small coloured counts. */
function Counts({ version }: { version: Pick<CatalogVersion, 'added' | 'changed' | 'removed'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color="green">{t('catalog.versions.added', { count: version.added })}</Tag>
      <Tag color="gold">{t('catalog.versions.changed', { count: version.changed })}</Tag>
      <Tag color="red">{t('catalog.versions.removed', { count: version.removed })}</Tag>
    </Space>
  );
}

/** A version with each change and its readable diff. */
function VersionDrawer({ number, onClose }: { number: number | null; onClose(): void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['catalog', 'version', number],
    queryFn: ({ signal }) =>
      api.get<CatalogVersionDetail>(`/catalog/versions/${number}`, undefined, { signal }),
    enabled: number !== null,
  });
  const version = detail.data;
  return (
    <Drawer
      open={number !== null}
      onClose={onClose}
      size={900}
      destroyOnHidden
      title={number !== null ? t('catalog.versionNumber', { number }) : ''}
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.isLoading && <Spin />}
      {version && (
        <Flex vertical gap={16}>
          <Flex gap={12} align="center" wrap>
            <Typography.Text>
              {formatDateTime(version.publishedAt)} · {version.publishedByName ?? '—'}
            </Typography.Text>
            <Counts version={version} />
          </Flex>
          {version.note && <Alert type="info" title={version.note} />}
          <Collapse
            data-testid="version-changes"
            items={version.changes.map((change) => ({
              key: change.resourceId,
              label: (
                <Flex gap={8} align="center" wrap>
                  <ChangeTag change={change.change} />
                  <Typography.Text code>{change.code}</Typography.Text>
                  <Typography.Text strong>{change.name}</Typography.Text>
                  <Typography.Text type="secondary">{change.departmentName}</Typography.Text>
                </Flex>
              ),
              children: <DiffView diff={change.diff} />,
            }))}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** 待发布变更: approved changes waiting for the next version, and 发布新版本 for the top authority. */
function PendingCard() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = useQuery({
    queryKey: ['catalog', 'versions', 'pending'],
    queryFn: ({ signal }) => api.get<PendingChange[]>('/catalog/versions/pending', undefined, { signal }),
  });
  const rows = pending.data ?? [];
  const publish = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const text = note?.trim();
      const made = await api.post<{ number: number; added: number; changed: number; removed: number }>(
        '/catalog/versions',
        text ? { note: text } : {},
      );
      message.success(t('catalog.versions.publishedDone', { ...made }));
      setNote(null);
      await invalidateCatalog(queryClient);
    } catch (error) {
      setProblem(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const columns: TableColumnsType<PendingChange> = [
    {
      title: t('catalog.versions.change'),
      dataIndex: 'change',
      width: 90,
      render: (c: string) => <ChangeTag change={c} />,
    },
    {
      title: t('catalog.field.code'),
      dataIndex: 'code',
      width: 160,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('catalog.field.name'), dataIndex: 'name' },
    { title: t('catalog.field.provider'), dataIndex: 'departmentName', width: 200 },
    {
      title: t('catalog.versions.approvedBy'),
      key: 'approved',
      width: 220,
      render: (_: unknown, row) => `${row.decidedByName ?? '—'} · ${formatDateTime(row.decidedAt)}`,
    },
  ];
  return (
    <Card
      title={
        <Space>
          {t('catalog.versions.pending')}
          <Badge count={rows.length} showZero color={rows.length > 0 ? '#1d4f91' : '#bfbfbf'} />
        </Space>
      }
      extra={
        <Space>
          <RefreshButton onRefresh={() => pending.refetch()} />
          {can('catalog.publish') && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={rows.length === 0}
              onClick={() => setNote('')}
              data-testid="version-publish"
            >
              {t('catalog.versions.publish')}
            </Button>
          )}
        </Space>
      }
    >
      {pending.isError && <QueryError error={pending.error} onRetry={() => pending.refetch()} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Table<PendingChange>
        size="small"
        rowKey="entryId"
        loading={pending.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: t('catalog.versions.pendingEmpty') }}
        scroll={{ x: 800 }}
        data-testid="pending-table"
      />
      {note !== null && (
        <Modal
          open
          title={t('catalog.versions.publishTitle', { count: rows.length })}
          okText={t('catalog.versions.publish')}
          cancelText={t('common.cancel')}
          confirmLoading={busy}
          onOk={publish}
          onCancel={() => setNote(null)}
          okButtonProps={{ 'data-testid': 'publish-confirm' } as Record<string, string>}
        >
          <Typography.Paragraph type="secondary">{t('catalog.versions.publishText')}</Typography.Paragraph>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
          <Input.TextArea
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('catalog.versions.notePlaceholder')}
            autoSize={{ minRows: 2 }}
            maxLength={2000}
          />
        </Modal>
      )}
    </Card>
  );
}

/** 目录版本: overview charts, changes waiting for publication, and every version with its diff. */
export default function VersionsPage() {
  const { t } = useI18n();
  const list = useList<CatalogVersion, Record<string, string>>('/catalog/versions', {});
  const [openNumber, setOpenNumber] = useState<number | null>(null);
  const columns: TableColumnsType<CatalogVersion> = [
    {
      title: t('catalog.versions.number'),
      dataIndex: 'number',
      width: 110,
      render: (number: number) => (
        <Typography.Link strong onClick={() => setOpenNumber(number)}>
          {t('catalog.versionNumber', { number })}
        </Typography.Link>
      ),
    },
    {
      title: t('catalog.versions.publishedAt'),
      dataIndex: 'publishedAt',
      width: 160,
      render: formatDateTime,
    },
    { title: t('catalog.versions.publishedBy'), dataIndex: 'publishedByName', width: 120 },
    {
      title: t('catalog.versions.changes'),
      key: 'counts',
      width: 250,
      render: (_: unknown, row) => <Counts version={row} />,
    },
    { title: t('catalog.versions.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Button type="link" icon={<EyeOutlined />} onClick={() => setOpenNumber(row.number)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('catalog.versions.title')} description={t('catalog.versions.description')} />
      <Flex vertical gap={16}>
        <Suspense fallback={<Card loading />}>
          <CatalogCharts />
        </Suspense>
        <PendingCard />
        <Card
          title={t('catalog.versions.list')}
          extra={<RefreshButton onRefresh={() => list.query.refetch()} />}
        >
          <ListTable<CatalogVersion>
            list={list}
            rowKey="number"
            emptyText={t('catalog.versions.empty')}
            columns={columns}
            scroll={{ x: 900 }}
            data-testid="versions-table"
          />
        </Card>
      </Flex>
      <VersionDrawer number={openNumber} onClose={() => setOpenNumber(null)} />
    </>
  );
}
