import { Card, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import type {
  DemandAnswer,
  DemandCandidate,
  DemandCase,
  DemandDetail,
  DemandHistoryStep,
} from '../../../../api/catalog-demands.ts';
import { isMessageKey, useI18n } from '../../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { AccessTag } from '../meta.tsx';
import { DueDate, ResourceLink } from './parts.tsx';

const STEP_COLORS: Record<DemandAnswer['step'], string> = {
  match: 'green',
  route: 'gold',
  reject: 'red',
  accept: 'green',
  decline: 'red',
  link: 'blue',
};

/** A code's text by key prefix, else the raw code (values the server may add later). */
function useCodeText() {
  const { t } = useI18n();
  return (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
}

/** The published resources the search found when the demand was filed, best first. */
export function CandidatesTable({
  demand,
  onOpenResource,
}: {
  demand: DemandDetail;
  onOpenResource(id: string): void;
}) {
  const { t } = useI18n();
  return (
    <Table<DemandCandidate>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={demand.candidates}
      locale={{ emptyText: t('catalog.demands.candidates.empty') }}
      data-testid="demand-candidates"
      columns={[
        { title: t('catalog.demands.candidates.rank'), dataIndex: 'rank', width: 60 },
        {
          title: t('catalog.demands.candidates.resource'),
          key: 'resource',
          render: (_: unknown, row) => <ResourceLink resource={row} onOpen={onOpenResource} />,
        },
        {
          title: t('catalog.demands.candidates.provider'),
          dataIndex: 'departmentName',
          width: 190,
          render: (name: string | null) => name ?? '—',
        },
        {
          title: t(demand.catalog === 'share' ? 'catalog.field.shareType' : 'catalog.field.openType'),
          key: 'type',
          width: 120,
          render: (_: unknown, row) => {
            const type = demand.catalog === 'share' ? row.shareType : row.openType;
            return type ? <AccessTag kind={demand.catalog} type={type} /> : '—';
          },
        },
        {
          title: t('catalog.demands.candidates.score'),
          dataIndex: 'score',
          width: 90,
          render: (score: number) => score.toFixed(3),
        },
      ]}
    />
  );
}

/** Every answer, oldest first: who answered, when, what (resources, the department routed to, the reason). */
export function AnswersList({
  answers,
  onOpenResource,
}: {
  answers: DemandAnswer[];
  onOpenResource(id: string): void;
}) {
  const { t } = useI18n();
  if (answers.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.demands.answers.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="demand-answers">
      {answers.map((answer, index) => (
        <Card size="small" key={`${answer.step}-${index}`} data-testid={`answer-${answer.step}`}>
          <Flex vertical gap={6}>
            <Flex gap={8} align="center" wrap>
              <Tag color={STEP_COLORS[answer.step]} style={{ marginInlineEnd: 0 }}>
                {t(`catalog.demands.step.${answer.step}`)}
              </Tag>
              <Typography.Text strong>{answer.department.name}</Typography.Text>
              <Typography.Text type="secondary">
                {[answer.answeredByName, formatDateTime(answer.answeredAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
            {answer.provider && (
              <Typography.Text>
                {t('catalog.demands.answers.routedTo', { department: answer.provider.name })}
              </Typography.Text>
            )}
            {answer.reason && (
              <Typography.Text type="danger">
                {t('catalog.demands.answer.reason')}：{answer.reason}
              </Typography.Text>
            )}
            {answer.note && (
              <Typography.Text>
                {t('catalog.demands.answers.note')}：{answer.note}
              </Typography.Text>
            )}
            {answer.resources.length > 0 && (
              <Flex gap={6} align="flex-start">
                <Typography.Text type="secondary" style={{ flex: 'none' }}>
                  {t('catalog.demands.answers.resources')}：
                </Typography.Text>
                <Flex vertical gap={4}>
                  {answer.resources.map((resource) => (
                    <ResourceLink key={resource.id} resource={resource} onOpen={onOpenResource} />
                  ))}
                </Flex>
              </Flex>
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** The cases behind the demand (the authority's answer, then the provider's), each with its due date. */
export function CasesTable({ cases }: { cases: DemandCase[] }) {
  const { t } = useI18n();
  const text = useCodeText();
  return (
    <Table<DemandCase>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={cases}
      data-testid="demand-cases"
      scroll={{ x: 760 }}
      columns={[
        {
          title: t('catalog.demands.cases.type'),
          dataIndex: 'type',
          width: 130,
          render: (type: string) => text('catalog.demands.caseType', type),
        },
        {
          title: t('catalog.demands.cases.department'),
          key: 'department',
          render: (_: unknown, row) => row.department.name,
        },
        {
          title: t('catalog.state'),
          dataIndex: 'state',
          width: 100,
          render: (state: string) => (
            <Tag color={state === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
              {text('catalog.demands.caseState', state)}
            </Tag>
          ),
        },
        {
          title: t('catalog.demands.cases.received'),
          dataIndex: 'receivedOn',
          width: 110,
          render: formatDate,
        },
        {
          title: t('catalog.demands.due'),
          key: 'due',
          width: 170,
          render: (_: unknown, row) => (
            <DueDate dueOn={row.dueOn} overdue={row.overdue} waiting={!row.closedAt} />
          ),
        },
        {
          title: t('catalog.demands.cases.closed'),
          dataIndex: 'closedAt',
          width: 140,
          render: (closedAt: string | null) => formatDateTime(closedAt) || '—',
        },
      ]}
    />
  );
}

/** The merged history of both cases, oldest first, with the reason where one was given. */
export function HistoryTimeline({ history }: { history: DemandHistoryStep[] }) {
  const { t } = useI18n();
  const text = useCodeText();
  return (
    <Timeline
      data-testid="demand-history"
      items={history.map((step, index) => {
        const reason = typeof step.detail.reason === 'string' ? step.detail.reason : null;
        const provider = step.caseType === 'catalog.demand_provider';
        return {
          key: index,
          color: step.action === 'reject' || step.action === 'decline' ? 'red' : provider ? 'gold' : 'blue',
          title: formatDateTime(step.occurredAt),
          content: (
            <Flex vertical gap={2}>
              <Typography.Text>
                <Typography.Text strong>
                  {text(`catalog.demands.history.${provider ? 'provider' : 'authority'}`, step.action)}
                </Typography.Text>
                {step.actorName ? ` · ${step.actorName}` : ''}
              </Typography.Text>
              {reason && (
                <Typography.Text type="secondary">
                  {t('catalog.demands.answer.reason')}：{reason}
                </Typography.Text>
              )}
            </Flex>
          ),
        };
      })}
    />
  );
}
