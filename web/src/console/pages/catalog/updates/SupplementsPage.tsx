import { CheckOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import type { Filing } from '../../../../api/catalog-updates.ts';
import { api, ApiError } from '../../../../api/client.ts';
import { RefreshButton } from '../../../../components/FilterBar.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';
import { invalidateCatalog } from '../meta.tsx';
import { useUpdatesProfile } from './shared.tsx';

type Shown = 'pending' | 'acknowledged' | 'all';
const ACKNOWLEDGED: Record<Shown, boolean | undefined> = {
  pending: false,
  acknowledged: true,
  all: undefined,
};

/**
 * 补充目录 (SC §9): resources a lower region's authority approved into its supplementary catalog,
 * filed with this level; the authority checks them and acknowledges (确认备案) the chosen ones. Where
 * the profile has no supplementary catalogs (cq19, cq18) a notice says so; whatever exists is listed.
 */
export default function SupplementsPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const profile = useUpdatesProfile().data;
  const [shown, setShown] = useState<Shown>('pending');
  const [words, setWords] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const filings = useQuery({
    queryKey: ['catalog', 'supplements', shown],
    queryFn: ({ signal }) =>
      api.get<Filing[]>('/catalog/supplements', { acknowledged: ACKNOWLEDGED[shown] }, { signal }),
  });
  const needle = words.trim().toLowerCase();
  const rows = (filings.data ?? []).filter(
    (row) =>
      !needle ||
      [row.code, row.name, row.departmentName, row.regionName].some((v) => v.toLowerCase().includes(needle)),
  );
  const chosen = rows.filter((row) => selected.includes(row.id));
  const rule = profile?.catalog.supplementaryCatalogs;

  const acknowledge = () =>
    modal.confirm({
      title: t('catalog.supplements.confirmTitle', { count: chosen.length }),
      content: (
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
          {chosen.map((row) => (
            <li key={row.id}>
              {row.code} {row.name}（{row.regionName} · {row.departmentName}）
            </li>
          ))}
        </ul>
      ),
      okText: t('catalog.supplements.acknowledge'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setProblem(null);
        try {
          const answer = await api.post<{ acknowledged: number }>('/catalog/supplements/acknowledge', {
            entryIds: chosen.map((row) => row.id),
          });
          message.success(t('catalog.supplements.acknowledged', { count: answer.acknowledged }));
          setSelected([]);
          await invalidateCatalog(queryClient);
        } catch (error) {
          // A 400 names each filing that is not (or no longer) this level's to acknowledge.
          const details = error instanceof ApiError ? error.errors.map((e) => e.message) : [];
          setProblem([errorText(error, t), ...new Set(details)].join('；'));
        }
      },
    });

  const columns: TableColumnsType<Filing> = [
    {
      title: t('catalog.field.code'),
      dataIndex: 'code',
      key: 'code',
      width: 130,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('catalog.field.name'), dataIndex: 'name', key: 'name' },
    { title: t('catalog.supplements.region'), dataIndex: 'regionName', key: 'region', width: 110 },
    { title: t('catalog.field.provider'), dataIndex: 'departmentName', key: 'department', width: 200 },
    {
      title: t('catalog.supplements.approved'),
      key: 'approved',
      width: 190,
      render: (_: unknown, row) => (
        <div>
          <div>{formatDateTime(row.decidedAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.decidedByName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.supplements.version'),
      dataIndex: 'versionNumber',
      key: 'version',
      width: 100,
      render: (n: number | null) =>
        n === null ? (
          <Typography.Text type="secondary">{t('catalog.supplements.unpublished')}</Typography.Text>
        ) : (
          t('catalog.supplements.versionN', { number: n })
        ),
    },
    {
      title: t('catalog.supplements.filing'),
      key: 'filing',
      width: 200,
      render: (_: unknown, row) =>
        row.acknowledgedAt ? (
          <div>
            <Tag color="success">{t('catalog.supplements.state.acknowledged')}</Tag>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.acknowledgedByName} · {formatDateTime(row.acknowledgedAt)}
            </Typography.Text>
          </div>
        ) : (
          <Tag color="processing">{t('catalog.supplements.state.pending')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('catalog.supplements.title')} description={t('catalog.supplements.description')} />
      {rule && (
        <Alert
          type={rule.required ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="supplements-notice"
          title={
            rule.required
              ? t('catalog.supplements.inUse', { article: rule.article ?? '' })
              : t('catalog.supplements.notInUse', { profile: profile.name[lang] })
          }
          description={rule.required ? undefined : t('catalog.supplements.notInUseText')}
        />
      )}
      <Card>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Segmented<Shown>
            value={shown}
            onChange={(value) => {
              setShown(value);
              setSelected([]);
            }}
            options={[
              { value: 'pending', label: t('catalog.supplements.state.pending') },
              { value: 'acknowledged', label: t('catalog.supplements.state.acknowledged') },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('catalog.supplements.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={setWords}
            onChange={(event) => !event.target.value && setWords('')}
          />
          <RefreshButton onRefresh={() => filings.refetch()} />
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={chosen.length === 0}
            onClick={acknowledge}
            data-testid="supplements-acknowledge"
            style={{ marginInlineStart: 'auto' }}
          >
            {t('catalog.supplements.acknowledgeSelected', { count: chosen.length })}
          </Button>
        </Flex>
        {filings.isError && <QueryError error={filings.error} onRetry={() => filings.refetch()} />}
        {problem && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setProblem(null) }}
            style={{ marginBottom: 16 }}
            title={problem}
          />
        )}
        <Table<Filing>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={filings.isFetching}
          scroll={{ x: 1100 }}
          data-testid="supplements-table"
          locale={{ emptyText: t('catalog.supplements.empty') }}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (row) => ({ disabled: row.acknowledgedAt !== null }),
          }}
        />
      </Card>
    </>
  );
}
