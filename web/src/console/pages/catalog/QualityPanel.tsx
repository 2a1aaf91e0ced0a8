import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Progress, Spin, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';

interface Quality {
  score: number;
  revisionNumber: number;
  criteria: { code: string; points: number; max: number; met: boolean }[];
}

/** The colour of a score: green from 80, amber from 60, red below. */
export const qualityColor = (score: number) =>
  score >= 80 ? '#0f8a5f' : score >= 60 ? '#d48806' : '#c8102e';

/**
 * 元数据质量: the resource's score and each criterion, the unmet ones first with what to do about
 * them (GET /catalog/resources/:id/quality).
 */
export function QualityPanel({ resourceId }: { resourceId: string }) {
  const { t, lang } = useI18n();
  const quality = useQuery({
    queryKey: ['catalog', 'quality', resourceId, lang],
    queryFn: ({ signal }) =>
      api.get<Quality>(`/catalog/resources/${resourceId}/quality`, undefined, { signal }),
  });
  if (quality.isError) return <QueryError error={quality.error} onRetry={() => quality.refetch()} />;
  if (!quality.data) return <Spin />;
  const text = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  const criteria = [...quality.data.criteria].sort((a, b) => Number(a.met) - Number(b.met));
  return (
    <Flex gap={20} align="flex-start" wrap data-testid="quality-panel">
      <Flex vertical align="center" gap={4}>
        <Progress
          type="dashboard"
          size={96}
          percent={quality.data.score}
          strokeColor={qualityColor(quality.data.score)}
          format={(value) => value}
        />
        <Typography.Text type="secondary">{t('catalog.quality.title')}</Typography.Text>
      </Flex>
      <Flex vertical gap={6} style={{ flex: 1, minWidth: 260 }}>
        {criteria.map((criterion) => (
          <Flex key={criterion.code} gap={8} align="flex-start">
            {criterion.met ? (
              <CheckCircleFilled style={{ color: '#0f8a5f', marginTop: 4 }} />
            ) : (
              <ExclamationCircleFilled style={{ color: '#d48806', marginTop: 4 }} />
            )}
            <div style={{ flex: 1 }}>
              <Typography.Text strong={!criterion.met}>
                {text(`catalog.quality.${criterion.code}`, criterion.code)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                {criterion.points}/{criterion.max}
              </Typography.Text>
              {!criterion.met && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {text(`catalog.quality.fix.${criterion.code}`, '')}
                </Typography.Text>
              )}
            </div>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
