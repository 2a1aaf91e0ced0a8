import { CheckOutlined, CloseOutlined, LinkOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Flex, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { DemandDetail } from '../../../../api/catalog-demands.ts';
import { isWaiting } from '../../../../api/catalog-demands.ts';
import { api } from '../../../../api/client.ts';
import { useSession } from '../../../../auth/session.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { invalidateCatalog } from '../meta.tsx';
import { AnswerModal, type AnswerAct } from './AnswerModal.tsx';
import { DemandDue, DemandStateTag, KindTag, ResourceDrawer } from './parts.tsx';
import { AnswersList, CandidatesTable, CasesTable, HistoryTimeline } from './sections.tsx';

const ICONS: Record<AnswerAct, ReactNode> = {
  match: <CheckOutlined />,
  route: <SendOutlined />,
  reject: <StopOutlined />,
  accept: <CheckOutlined />,
  decline: <CloseOutlined />,
  link: <LinkOutlined />,
};

/** The acts the signed-in user may take on the demand now (the server refuses any other anyway). */
function actsFor(
  demand: DemandDetail,
  user: { departmentId: string | null } | undefined,
  can: (permission: string) => boolean,
): AnswerAct[] {
  const department = user?.departmentId;
  if (!department) return [];
  if (demand.state === 'open' && demand.authority.id === department && can('catalog.review'))
    return ['match', 'route', 'reject'];
  if (demand.provider?.id === department && can('catalog.compile')) {
    if (demand.state === 'routed') return ['accept', 'decline'];
    if (demand.state === 'accepted') return ['link'];
  }
  return [];
}

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <Flex justify="space-between" align="baseline" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  );
}

/**
 * A demand with everything about it: what was asked and why, the candidates the search found, the
 * answers, both cases with their due dates, and the history. The answering authority matches,
 * routes or rejects; the routed department accepts, declines or links the resource it added.
 */
export function DemandDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useI18n();
  const { info, can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [act, setAct] = useState<AnswerAct | null>(null);
  const [resourceId, setResourceId] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['catalog', 'demand', id],
    queryFn: ({ signal }) => api.get<DemandDetail>(`/catalog/demands/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
  const demand = detail.data;
  const acts = demand ? actsFor(demand, info?.user, can) : [];
  const waitingFor = demand && isWaiting(demand.state) ? (demand.provider ?? demand.authority) : null;

  const done = async (doneAct: AnswerAct, answered: DemandDetail) => {
    setAct(null);
    queryClient.setQueryData(['catalog', 'demand', answered.id], answered);
    message.success(t(`catalog.demands.${doneAct}.done`));
    await invalidateCatalog(queryClient);
  };

  const requester = demand
    ? [demand.requesterDepartment?.name ?? t('catalog.demands.publicRequester'), demand.requesterName]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={980}
      destroyOnHidden
      title={
        demand && (
          <Flex gap={8} align="center" wrap>
            <KindTag kind={demand.kind} />
            <span>{demand.title}</span>
            <DemandStateTag state={demand.state} />
          </Flex>
        )
      }
      extra={
        acts.length > 0 && (
          <Flex gap={8} data-testid="demand-acts">
            {acts.map((one) => (
              <Button
                key={one}
                type={one === 'match' || one === 'accept' || one === 'link' ? 'primary' : 'default'}
                danger={one === 'reject' || one === 'decline'}
                icon={ICONS[one]}
                onClick={() => setAct(one)}
                data-testid={`demand-${one}`}
              >
                {t(`catalog.demands.act.${one}`)}
              </Button>
            ))}
          </Flex>
        )
      }
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.isLoading && <Spin />}
      {demand && (
        <Flex vertical gap={20} data-testid="demand-detail">
          {waitingFor && (
            <Alert
              type={demand.overdue ? 'error' : 'info'}
              showIcon
              data-testid="demand-waiting"
              title={t(demand.overdue ? 'catalog.demands.waitingOverdue' : 'catalog.demands.waiting', {
                department: waitingFor.name,
              })}
              description={acts.length > 0 ? t('catalog.demands.yourTurn') : undefined}
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={2}
            styles={{ label: { width: 150 } }}
            items={[
              { key: 'requester', label: t('catalog.demands.requester'), children: requester },
              {
                key: 'filed',
                label: t('catalog.demands.filedAt'),
                children: formatDateTime(demand.createdAt),
              },
              { key: 'authority', label: t('catalog.demands.authority'), children: demand.authority.name },
              {
                key: 'provider',
                label: t('catalog.demands.provider'),
                children: demand.provider?.name ?? '—',
              },
              {
                key: 'due',
                label: t('catalog.demands.due'),
                children: <DemandDue demand={demand} />,
              },
              {
                key: 'deadline',
                label: t('catalog.demands.deadline'),
                children: demand.deadline
                  ? t(
                      demand.deadline.setByDeployment
                        ? 'catalog.demands.deadlineByDeployment'
                        : 'catalog.demands.deadlineRule',
                      { workdays: demand.deadline.workdays, article: demand.deadline.article },
                    )
                  : t('catalog.demands.noDeadline'),
              },
              ...(demand.kind === 'department'
                ? [
                    {
                      key: 'suggested',
                      label: t('catalog.demands.field.suggestedProvider'),
                      children: demand.suggestedProvider?.name ?? '—',
                      span: 2,
                    },
                  ]
                : []),
              {
                key: 'description',
                label: t('catalog.demands.field.description'),
                children: (
                  <Typography.Paragraph style={{ margin: 0 }}>{demand.description}</Typography.Paragraph>
                ),
                span: 2,
              },
              ...(demand.wantedItems
                ? [
                    {
                      key: 'items',
                      label: t('catalog.demands.field.wantedItems'),
                      children: demand.wantedItems,
                      span: 2,
                    },
                  ]
                : []),
              {
                key: 'purpose',
                label: t(
                  demand.kind === 'public'
                    ? 'catalog.demands.field.scenario'
                    : 'catalog.demands.field.purpose',
                ),
                children: demand.purpose,
                span: 2,
              },
              ...(demand.basis
                ? [{ key: 'basis', label: t('catalog.demands.field.basis'), children: demand.basis, span: 2 }]
                : []),
            ]}
          />
          <Section
            title={t('catalog.demands.candidates.title')}
            extra={
              <Typography.Text type="secondary">
                {t(`catalog.demands.candidates.help.${demand.catalog}`)}
              </Typography.Text>
            }
          >
            <CandidatesTable demand={demand} onOpenResource={setResourceId} />
          </Section>
          <Section title={t('catalog.demands.answers.title')}>
            <AnswersList answers={demand.answers} onOpenResource={setResourceId} />
          </Section>
          <Section title={t('catalog.demands.cases.title')}>
            <CasesTable cases={demand.cases} />
          </Section>
          <Section title={t('catalog.demands.history.title')}>
            <HistoryTimeline history={demand.history} />
          </Section>
        </Flex>
      )}
      {demand && act && (
        <AnswerModal
          act={act}
          demand={demand}
          ownDepartmentId={info?.user.departmentId ?? undefined}
          onDone={done}
          onClose={() => setAct(null)}
        />
      )}
      <ResourceDrawer id={resourceId} onClose={() => setResourceId(null)} />
    </Drawer>
  );
}
