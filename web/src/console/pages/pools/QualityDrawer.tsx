import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Drawer, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { api } from '../../../api/client.ts';
import type { ResourceDataQualityDetail, RowProblem } from '../../../api/pools-quality.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { cycleKey, ScoreTag, Share, TimelinessTag } from './QualityTags.tsx';

const ColumnChart = lazy(() =>
  import('./QualityCharts.tsx').then((module) => ({ default: module.ColumnChart })),
);

const when = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);

/**
 * A resource's data quality: the dimensions and timeliness, per-column bars, uniqueness of the key,
 * consistency rules, problem counts and the worst rows (their values only for the provider).
 */
export function QualityDrawer({ resourceId, onClose }: { resourceId: string | undefined; onClose(): void }) {
  const { t, lang } = useI18n();
  const detail = useQuery({
    queryKey: ['pools', 'quality', 'detail', resourceId, lang],
    queryFn: ({ signal }) =>
      api.get<ResourceDataQualityDetail>(`/pools/tables/${resourceId}/quality`, undefined, { signal }),
    enabled: resourceId !== undefined,
  });
  const q = detail.data;
  const columnName = (column: string) => q?.columns.find((c) => c.column === column)?.name ?? column;

  return (
    <Drawer
      open={resourceId !== undefined}
      onClose={onClose}
      size="large"
      title={q ? `${t('poolQuality.detail')} · ${q.name}` : t('poolQuality.detail')}
      loading={detail.isLoading}
      destroyOnHidden
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {q && (
        <Flex vertical gap={16} data-testid="pool-quality-detail">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('poolQuality.score')}>
              <ScoreTag score={q.score} />
            </Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.timeliness')}>
              <TimelinessTag quality={q} />
            </Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.rows')}>
              {q.neverLoaded || q.rows === 0 ? <Tag>{t('poolQuality.notLoaded')}</Tag> : q.rows}
            </Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.examined')}>
              {t('poolQuality.examinedOf', { examined: q.examinedRows, rows: q.rows })}
              {q.sampled && <Tag style={{ marginInlineStart: 8 }}>{t('poolQuality.sampled')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.updateCycle')}>
              {t(cycleKey(q.updateCycle))}
            </Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.lastLoad')}>
              {when(q.dataUpdatedAt) ?? t('poolQuality.never')}
            </Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.dueAt')}>{when(q.dueAt) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('poolQuality.version')}>{q.currentVersion}</Descriptions.Item>
            {(['completeness', 'requiredCompleteness', 'validity', 'uniqueness', 'consistency'] as const).map(
              (key) => (
                <Descriptions.Item key={key} label={t(`poolQuality.${key}`)}>
                  <Share value={q[key]} />
                </Descriptions.Item>
              ),
            )}
          </Descriptions>

          <Card size="small" title={t('poolQuality.columnChart')}>
            {q.rows === 0 ? (
              <Empty description={t('poolQuality.notLoaded')} />
            ) : (
              <Suspense fallback={<Card loading variant="borderless" />}>
                <ColumnChart columns={q.columns} />
              </Suspense>
            )}
          </Card>

          <Card size="small" title={t('poolQuality.keys')}>
            <Space size="large" wrap>
              <span>
                {t('poolQuality.keyFields')}：
                {q.keys.keyFields.length > 0
                  ? q.keys.keyFields.map((field) => <Tag key={field}>{field}</Tag>)
                  : t('poolQuality.wholeRow')}
              </span>
              <span>
                {t('poolQuality.distinct')}：{q.keys.distinct}
              </span>
              <span>
                {t('poolQuality.duplicateRows')}：
                <Typography.Text type={q.keys.duplicateRows > 0 ? 'danger' : undefined}>
                  {q.keys.duplicateRows}
                </Typography.Text>
              </span>
            </Space>
          </Card>

          <Card size="small" title={t('poolQuality.rules')}>
            {q.rules.length === 0 ? (
              <Typography.Text type="secondary">{t('poolQuality.noRules')}</Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={q.rules}
                columns={[
                  { title: t('poolQuality.rule'), dataIndex: 'label' },
                  { title: t('poolQuality.compared'), dataIndex: 'compared', align: 'right', width: 100 },
                  {
                    title: t('poolQuality.inconsistent'),
                    dataIndex: 'inconsistent',
                    align: 'right',
                    width: 100,
                  },
                ]}
              />
            )}
          </Card>

          <Card size="small" title={t('poolQuality.problems')}>
            <Table
              size="small"
              rowKey={(row) => `${row.code}/${row.column}`}
              pagination={false}
              dataSource={q.problems}
              locale={{ emptyText: t('poolQuality.noProblems') }}
              columns={[
                { title: t('poolQuality.column'), dataIndex: 'column', render: columnName },
                { title: t('poolQuality.problem'), dataIndex: 'message' },
                { title: t('poolQuality.count'), dataIndex: 'count', align: 'right', width: 80 },
              ]}
              data-testid="pool-quality-problems"
            />
          </Card>

          <Card size="small" title={t('poolQuality.worstRows')}>
            {q.worstRows === null ? (
              <Alert type="info" showIcon title={t('poolQuality.valuesHidden')} />
            ) : (
              <Table
                size="small"
                rowKey="row"
                pagination={false}
                dataSource={q.worstRows}
                locale={{ emptyText: t('poolQuality.noProblems') }}
                columns={[
                  { title: t('poolQuality.row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('poolQuality.problem'),
                    dataIndex: 'problems',
                    render: (problems: RowProblem[]) => (
                      <Flex vertical gap={2}>
                        {problems.map((p, index) => (
                          <span key={index}>
                            <Typography.Text strong>{columnName(p.column)}</Typography.Text>
                            {p.value !== null && (
                              <Typography.Text code style={{ marginInline: 6 }}>
                                {p.value}
                              </Typography.Text>
                            )}
                            <Typography.Text type="danger">{p.message}</Typography.Text>
                          </span>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
                data-testid="pool-quality-worst"
              />
            )}
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
