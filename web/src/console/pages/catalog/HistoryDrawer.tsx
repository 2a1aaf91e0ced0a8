import { useQuery } from '@tanstack/react-query';
import { Collapse, Drawer, Empty, Flex, Spin, Tag, Typography } from 'antd';
import type { HistoryStep } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { DiffView } from './DiffView.tsx';

const CHANGE_COLORS: Record<string, string> = {
  added: 'green',
  add: 'green',
  changed: 'gold',
  change: 'gold',
  removed: 'red',
  remove: 'red',
};

/** A version change (新增 / 变更 / 撤销) as a tag. */
export function ChangeTag({ change }: { change: string }) {
  const { t } = useI18n();
  const key = `catalog.change.${change}`;
  return (
    <Tag color={CHANGE_COLORS[change] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {isMessageKey(key) ? t(key) : change}
    </Tag>
  );
}

/** 历史版本: each catalog version that changed the resource, newest first, with its diff. */
export function HistoryDrawer({
  resourceId,
  title,
  onClose,
}: {
  resourceId: string | null;
  title: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const history = useQuery({
    queryKey: ['catalog', 'history', resourceId],
    queryFn: ({ signal }) =>
      api.get<HistoryStep[]>(`/catalog/resources/${resourceId}/history`, undefined, { signal }),
    enabled: resourceId !== null,
  });
  const entries = [...(history.data ?? [])].sort((a, b) => b.versionNumber - a.versionNumber);
  return (
    <Drawer
      open={resourceId !== null}
      onClose={onClose}
      size={720}
      title={t('catalog.historyTitle', { name: title })}
      destroyOnHidden
    >
      {history.isError && <QueryError error={history.error} onRetry={() => history.refetch()} />}
      {history.isLoading && <Spin />}
      {history.data && entries.length === 0 && <Empty description={t('catalog.historyEmpty')} />}
      {entries.length > 0 && (
        <Collapse
          defaultActiveKey={[String(entries[0]!.versionNumber)]}
          data-testid="history"
          items={entries.map((entry) => ({
            key: String(entry.versionNumber),
            label: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>
                  {t('catalog.versionNumber', { number: entry.versionNumber })}
                </Typography.Text>
                <ChangeTag change={entry.change} />
                <Typography.Text type="secondary">
                  {formatDateTime(entry.publishedAt)}
                  {entry.publishedByName ? ` · ${entry.publishedByName}` : ''}
                </Typography.Text>
              </Flex>
            ),
            children: (
              <Flex vertical gap={8}>
                {entry.note && <Typography.Text type="secondary">{entry.note}</Typography.Text>}
                <DiffView diff={entry.diff} />
              </Flex>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
