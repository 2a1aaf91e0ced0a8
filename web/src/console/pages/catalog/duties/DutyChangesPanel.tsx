import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Collapse, Empty, Flex, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogVersion } from '../../../../api/catalog.ts';
import {
  changeCount,
  DUTY_CHANGE_KINDS,
  type DepartmentDutyChanges,
  type DutyChange,
  type DutyChangeLists,
  type DutyChanges,
} from '../../../../api/catalog-duties.ts';
import { api } from '../../../../api/client.ts';
import type { Page } from '../../../../api/types.ts';
import { RefreshButton } from '../../../../components/FilterBar.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { isMessageKey, useI18n } from '../../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { AccessTag, useCatalogLabels } from '../meta.tsx';

type ChangeKind = (typeof DUTY_CHANGE_KINDS)[number];
const KIND_COLORS: Record<ChangeKind, string> = { added: 'green', changed: 'gold', removed: 'red' };

/** 新增 / 变更 / 移出 as a coloured tag. */
function KindTag({ kind }: { kind: ChangeKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`catalog.duties.changes.kind.${kind}`)}
    </Tag>
  );
}

/** 新增 2 · 变更 1 · 移出 0 for one list, only the kinds that happened. */
function Counts({ lists }: { lists: DutyChangeLists }) {
  const { t } = useI18n();
  if (changeCount(lists) === 0)
    return <Tag style={{ marginInlineEnd: 0 }}>{t('catalog.duties.changes.none')}</Tag>;
  return (
    <Space size={4}>
      {DUTY_CHANGE_KINDS.filter((kind) => lists[kind].length > 0).map((kind) => (
        <Tag key={kind} color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
          {t(`catalog.duties.changes.${kind}`, { count: lists[kind].length })}
        </Tag>
      ))}
    </Space>
  );
}

/** One changed duty: what it is now (or was, when removed) and, when changed, which terms changed. */
function ChangeRow({
  kind,
  change,
  list,
}: {
  kind: ChangeKind;
  change: DutyChange;
  list: 'collect' | 'open';
}) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  const fieldName = (field: string) => {
    const key = `catalog.field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  return (
    <Flex gap={8} align="center" wrap style={{ padding: '4px 0' }} data-testid="duty-change">
      <KindTag kind={kind} />
      <Typography.Text code>{change.code}</Typography.Text>
      <Typography.Text delete={kind === 'removed'}>{change.name}</Typography.Text>
      {list === 'collect' && change.updateCycle && (
        <Typography.Text type="secondary">{labels.term('updateCycles', change.updateCycle)}</Typography.Text>
      )}
      {list === 'open' && change.openType && <AccessTag kind="open" type={change.openType} />}
      {list === 'open' &&
        change.openMethods.map((method) => (
          <Tag key={method} style={{ marginInlineEnd: 0 }}>
            {labels.term('openMethods', method)}
          </Tag>
        ))}
      {change.fields.length > 0 && (
        <Typography.Text type="secondary">
          {t('catalog.duties.changes.fields')}：{change.fields.map(fieldName).join('、')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A department's changes in one list, added first, then changed, then removed. */
function ListChanges({ lists, list }: { lists: DutyChangeLists; list: 'collect' | 'open' }) {
  const { t } = useI18n();
  return (
    <div>
      <Flex gap={8} align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t(`catalog.duties.changes.${list}`)}</Typography.Text>
        <Counts lists={lists} />
      </Flex>
      {DUTY_CHANGE_KINDS.flatMap((kind) =>
        lists[kind].map((change) => (
          <ChangeRow key={`${kind}-${change.resourceId}`} kind={kind} change={change} list={list} />
        )),
      )}
    </div>
  );
}

function DepartmentHeader({ changes }: { changes: DepartmentDutyChanges }) {
  const { t } = useI18n();
  return (
    <Flex gap={12} align="center" wrap>
      <Typography.Text strong>{changes.department.name}</Typography.Text>
      <Typography.Text type="secondary">{t('catalog.duties.changes.collect')}</Typography.Text>
      <Counts lists={changes.collect} />
      <Typography.Text type="secondary">{t('catalog.duties.changes.open')}</Typography.Text>
      <Counts lists={changes.open} />
    </Flex>
  );
}

/**
 * 版本变更: pick a catalog version (the newest at first) and see, per department the reader may
 * see, which collection and open duties it added, changed or removed.
 */
export function DutyChangesPanel() {
  const { t } = useI18n();
  const versions = useQuery({
    queryKey: ['catalog', 'versions', 'options'],
    // A catalog gets a few versions a year: the newest 200 are every one that matters here.
    queryFn: ({ signal }) =>
      api.get<Page<CatalogVersion>>('/catalog/versions', { pageSize: 200 }, { signal }),
  });
  const [picked, setPicked] = useState<number | undefined>();
  const version = picked ?? versions.data?.items[0]?.number;
  const changes = useQuery({
    queryKey: ['catalog', 'duties', 'changes', version],
    queryFn: ({ signal }) => api.get<DutyChanges>('/catalog/duties/changes', { version }, { signal }),
    enabled: version !== undefined,
  });

  if (versions.isError) return <QueryError error={versions.error} onRetry={() => versions.refetch()} />;
  if (versions.isLoading) return <Spin />;
  if (version === undefined) return <Empty description={t('catalog.duties.changes.noVersions')} />;
  const data = changes.data;
  const departments = data?.departments ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Space>
          <label htmlFor="duty-version">{t('catalog.duties.changes.version')}</label>
          <Select<number>
            id="duty-version"
            value={version}
            onChange={setPicked}
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(versions.data?.items ?? []).map((v) => ({
              value: v.number,
              label: t('catalog.duties.changes.option', {
                number: v.number,
                date: formatDate(v.publishedAt),
              }),
            }))}
          />
        </Space>
        <RefreshButton onRefresh={() => changes.refetch()} />
      </Flex>
      <Typography.Text type="secondary">{t('catalog.duties.changes.hint')}</Typography.Text>
      {changes.isError && <QueryError error={changes.error} onRetry={() => changes.refetch()} />}
      {changes.isLoading && <Spin />}
      {data && (
        <>
          <Alert
            type="info"
            showIcon
            data-testid="duty-version-summary"
            title={t('catalog.duties.changes.summary', {
              number: data.version,
              date: formatDateTime(data.publishedAt),
              count: departments.length,
            })}
          />
          {departments.length === 0 ? (
            <Empty description={t('catalog.duties.changes.empty')} />
          ) : (
            <Collapse
              // Opened at once when there are few; otherwise the headers with their counts are the summary.
              key={data.version}
              defaultActiveKey={departments
                .slice(0, departments.length <= 3 ? 3 : 1)
                .map((d) => d.department.id)}
              data-testid="duty-changes"
              items={departments.map((department) => ({
                key: department.department.id,
                label: <DepartmentHeader changes={department} />,
                children: (
                  <Row gutter={[24, 12]}>
                    <Col xs={24} xl={12}>
                      <ListChanges lists={department.collect} list="collect" />
                    </Col>
                    <Col xs={24} xl={12}>
                      <ListChanges lists={department.open} list="open" />
                    </Col>
                  </Row>
                ),
              }))}
            />
          )}
        </>
      )}
    </Flex>
  );
}
