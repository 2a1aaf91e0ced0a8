import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import {
  baseDbApi,
  baseDbKeys,
  type BaseCode,
  type BaseSummary,
  type Build,
  type Conflict,
} from '../../../../api/pools-basedb.ts';
import { useSession } from '../../../../auth/session.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';

/** 基础库: a card per base database (key, items, records, conflicts, last build, build button) and the conflicts of one. */
export function BasesTab() {
  const summaries = useQuery({ queryKey: baseDbKeys.summaries, queryFn: baseDbApi.summaries });
  const [selected, setSelected] = useState<BaseCode | null>(null);
  return (
    <>
      {summaries.isError && <QueryError error={summaries.error} onRetry={() => summaries.refetch()} />}
      <Row gutter={[16, 16]}>
        {(summaries.data ?? []).map((summary) => (
          <Col key={summary.code} xs={24} md={12} xl={8}>
            <BaseCard summary={summary} onConflicts={() => setSelected(summary.code)} />
          </Col>
        ))}
      </Row>
      {selected && <ConflictsTable base={selected} />}
    </>
  );
}

function BaseCard({ summary, onConflicts }: { summary: BaseSummary; onConflicts(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const last: Build | null = summary.lastAttempt;

  const build = async () => {
    setRunning(true);
    setResult(null);
    try {
      const done = await baseDbApi.build(summary.code);
      const text = t('pools.basedb.build.done', { rows: done.rowCount, conflicts: done.conflictCount });
      setResult({ ok: true, text });
      message.success(text);
    } catch (error) {
      setResult({ ok: false, text: errorText(error, t) });
    } finally {
      setRunning(false);
      await queryClient.invalidateQueries({ queryKey: baseDbKeys.all });
    }
  };

  return (
    <Card
      size="small"
      title={t(`pools.basedb.base.${summary.code}`)}
      data-testid={`basedb-card-${summary.code}`}
      extra={
        can('pool.basedb.manage') && (
          <Button
            type="primary"
            size="small"
            loading={running}
            disabled={summary.sources.length === 0}
            onClick={build}
            data-testid={`basedb-build-${summary.code}`}
          >
            {t('pools.basedb.build')}
          </Button>
        )
      }
    >
      <Row gutter={8} style={{ marginBottom: 8 }}>
        <Col span={8}>
          <Statistic title={t('pools.basedb.card.sources')} value={summary.sources.length} />
        </Col>
        <Col span={8}>
          <Statistic title={t('pools.basedb.card.rows')} value={summary.rowCount} />
        </Col>
        <Col span={8}>
          <Statistic title={t('pools.basedb.card.conflicts')} value={summary.conflictCount} />
        </Col>
      </Row>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('pools.basedb.card.key')}>
          <Typography.Text code>
            {summary.table}.{summary.keyColumn}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('pools.basedb.card.lastBuild')}>
          {last
            ? `${formatDateTime(last.finishedAt)} · ${last.actorName ?? '—'}${last.state === 'failed' ? ` · ${t('pools.basedb.build.failed')}` : ''}`
            : t('pools.basedb.card.never')}
        </Descriptions.Item>
      </Descriptions>
      {running && <Alert type="info" showIcon title={t('pools.basedb.build.running')} />}
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.text}
          data-testid={`basedb-build-result-${summary.code}`}
        />
      )}
      {!result && last?.state === 'failed' && last.failureMessage && (
        <Alert type="warning" showIcon title={last.failureMessage} />
      )}
      {summary.conflictCount > 0 && (
        <Button type="link" size="small" onClick={onConflicts} style={{ paddingLeft: 0 }}>
          {t('pools.basedb.conflicts')}
        </Button>
      )}
    </Card>
  );
}

function ConflictsTable({ base }: { base: BaseCode }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const conflicts = useQuery({
    queryKey: baseDbKeys.conflicts(base, page),
    queryFn: () => baseDbApi.conflicts(base, page),
  });
  const columns: TableColumnsType<Conflict> = [
    { title: t('pools.basedb.conflicts.key'), dataIndex: 'keyValue', key: 'key', width: 200 },
    { title: t('pools.basedb.field.itemName'), dataIndex: 'itemName', key: 'item' },
    { title: t('pools.basedb.conflicts.sourceValue'), dataIndex: 'sourceValue', key: 'source' },
    { title: t('pools.basedb.conflicts.otherValue'), dataIndex: 'otherValue', key: 'other' },
    {
      title: t('pools.basedb.conflicts.otherDepartment'),
      key: 'department',
      render: (_: unknown, row) => `${row.otherDepartmentName} · ${row.otherField}`,
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('pools.basedb.conflicts.title', { base: t(`pools.basedb.base.${base}`) })}
    >
      <Typography.Paragraph type="secondary">{t('pools.basedb.conflicts.help')}</Typography.Paragraph>
      {conflicts.isError && <QueryError error={conflicts.error} onRetry={() => conflicts.refetch()} />}
      <Table<Conflict>
        rowKey={(row) => `${row.keyValue}:${row.fieldName}:${row.otherField}:${row.otherValue}`}
        size="small"
        columns={columns}
        dataSource={conflicts.data?.items ?? []}
        loading={conflicts.isFetching}
        pagination={{
          current: page,
          pageSize: 10,
          total: conflicts.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        locale={{ emptyText: t('pools.basedb.conflicts.empty') }}
        data-testid="basedb-conflicts"
      />
    </Card>
  );
}
