import { CloseCircleOutlined, FileSearchOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Flex, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { UpdateRequest, UpdateRequestDetail, UpdateStep } from '../../../../api/catalog-updates.ts';
import { api } from '../../../../api/client.ts';
import { QueryError } from '../../../../components/QueryError.tsx';
import { isMessageKey, useI18n } from '../../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { SubmissionDrawer } from '../SubmissionDrawer.tsx';
import { DueCell, UpdateStateTag } from './shared.tsx';

const STEP_COLORS: Record<string, string> = {
  open: 'blue',
  file: 'green',
  cancel: 'gray',
  'extension.approve': 'green',
  'extension.refuse': 'red',
};

/** One step of the history: what happened, who did it, and why (a cancellation's reason). */
function StepText({ step }: { step: UpdateStep }) {
  const { t } = useI18n();
  const key = `catalog.updates.action.${step.action}`;
  const reason = typeof step.detail.reason === 'string' ? step.detail.reason : null;
  return (
    <div>
      <Typography.Text strong>{isMessageKey(key) ? t(key) : step.action}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {formatDateTime(step.occurredAt)}
        {step.actorName ? ` · ${step.actorName}` : ''}
      </Typography.Text>
      {reason && (
        <div>
          <Typography.Text type="secondary">{t('catalog.updates.stepReason', { reason })}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * An update request with its history. Shows 提交更新清单 to whom may answer it and 撤销申请 to the
 * authority, while it is open; once filed, the answering list opens read-only.
 */
export function UpdateRequestDrawer({
  id,
  mayAnswer,
  mayCancel,
  onAnswer,
  onCancel,
  onClose,
}: {
  id: string | null;
  mayAnswer(request: UpdateRequest): boolean;
  mayCancel(request: UpdateRequest): boolean;
  onAnswer(request: UpdateRequest): void;
  onCancel(request: UpdateRequest): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['catalog', 'update-request', id],
    queryFn: ({ signal }) =>
      api.get<UpdateRequestDetail>(`/catalog/update-requests/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
  const request = detail.data;

  return (
    <>
      <Drawer
        open={id !== null}
        onClose={onClose}
        size={640}
        destroyOnHidden
        title={request ? t('catalog.updates.drawerTitle', { department: request.department.name }) : ''}
        extra={
          request && (
            <Flex gap={8}>
              {mayCancel(request) && (
                <Button danger icon={<CloseCircleOutlined />} onClick={() => onCancel(request)}>
                  {t('catalog.updates.cancel')}
                </Button>
              )}
              {mayAnswer(request) && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={() => onAnswer(request)}
                  data-testid="drawer-answer"
                >
                  {t('catalog.updates.answer')}
                </Button>
              )}
            </Flex>
          )
        }
      >
        {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
        {detail.isLoading && <Spin />}
        {request && (
          <div data-testid="update-detail">
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: 130 } }}
              items={[
                {
                  key: 'state',
                  label: t('catalog.state'),
                  children: <UpdateStateTag state={request.state} />,
                },
                {
                  key: 'department',
                  label: t('catalog.updates.department'),
                  children: request.department.name,
                },
                {
                  key: 'changedOn',
                  label: t('catalog.updates.changedOn'),
                  children: formatDate(request.changedOn),
                },
                { key: 'basis', label: t('catalog.updates.basis'), children: request.basis ?? '—' },
                {
                  key: 'reason',
                  label: t('catalog.updates.reason'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{request.reason}</span>,
                },
                { key: 'due', label: t('catalog.updates.due'), children: <DueCell request={request} /> },
                ...(request.overdueSince
                  ? [
                      {
                        key: 'overdueSince',
                        label: t('catalog.updates.overdueSince'),
                        children: formatDate(request.overdueSince),
                      },
                    ]
                  : []),
                {
                  key: 'registeredBy',
                  label: t('catalog.updates.registeredBy'),
                  children: `${request.registeredByName ?? '—'} · ${formatDateTime(request.createdAt)}`,
                },
                ...(request.closedAt
                  ? [
                      {
                        key: 'closedAt',
                        label: t('catalog.updates.closedAt'),
                        children: formatDateTime(request.closedAt),
                      },
                    ]
                  : []),
                ...(request.submission
                  ? [
                      {
                        key: 'submission',
                        label: t('catalog.updates.submission'),
                        children: (
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0 }}
                            icon={<FileSearchOutlined />}
                            onClick={() => setSubmissionId(request.submission!.id)}
                            data-testid="open-submission"
                          >
                            {t('catalog.updates.submissionText', {
                              at: formatDateTime(request.submission.submittedAt),
                              state: isMessageKey(`catalog.submission.${request.submission.state}`)
                                ? t(
                                    `catalog.submission.${request.submission.state}` as 'catalog.submission.pending',
                                  )
                                : request.submission.state,
                            })}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t('catalog.updates.history')}
            </Typography.Title>
            <Timeline
              data-testid="update-history"
              items={request.history.map((step, index) => ({
                key: index,
                color: STEP_COLORS[step.action] ?? 'gray',
                content: <StepText step={step} />,
              }))}
            />
          </div>
        )}
      </Drawer>
      <SubmissionDrawer
        id={submissionId}
        mayDecide={false}
        mayForward={false}
        mayWithdraw={false}
        onClose={() => setSubmissionId(null)}
      />
    </>
  );
}
