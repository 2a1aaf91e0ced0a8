import { CheckOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Collapse,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  Modal,
  Radio,
  Spin,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { SubmissionDetail, SubmissionEntry } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { DiffView } from './DiffView.tsx';
import { ChangeTag } from './HistoryDrawer.tsx';
import { invalidateCatalog } from './meta.tsx';

type Decision = { decision?: 'approved' | 'returned'; reason?: string };

const DECISION_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  returned: 'error',
};

/** 待审核 / 已通过 / 已退回 of an entry. */
export function DecisionTag({ decision }: { decision: string }) {
  const { t } = useI18n();
  const key = `catalog.decision.${decision}`;
  return (
    <Tag color={DECISION_COLORS[decision]} style={{ marginInlineEnd: 0 }}>
      {isMessageKey(key) ? t(key) : decision}
    </Tag>
  );
}

/** The way of a submission: submitted, under review (by whom), reviewed, published. */
function Progress({ submission }: { submission: SubmissionDetail }) {
  const { t } = useI18n();
  const approved = submission.entries.filter((entry) => entry.decision === 'approved');
  const published = approved.length > 0 && approved.every((entry) => entry.versionNumber !== null);
  const [current, status]: [number, 'process' | 'error' | 'wait' | 'finish'] =
    submission.state === 'pending'
      ? [1, 'process']
      : submission.state === 'withdrawn'
        ? [1, 'error']
        : approved.length === 0
          ? [2, 'finish']
          : [3, published ? 'finish' : 'wait'];
  return (
    <Steps
      size="small"
      current={current}
      status={status}
      items={[
        { title: t('catalog.progress.submitted'), content: formatDateTime(submission.submittedAt) },
        {
          title:
            submission.state === 'withdrawn' ? t('catalog.progress.withdrawn') : t('catalog.progress.review'),
          content: submission.holderRegionName,
        },
        { title: t('catalog.progress.reviewed'), content: formatDateTime(submission.reviewedAt) },
        { title: t('catalog.progress.published') },
      ]}
    />
  );
}

/**
 * A submission (目录清单) with every entry and a readable diff. A reviewer (`mayDecide`) approves or
 * returns each entry (a return needs a reason), or all at once; a lower authority forwards the list
 * upward; the submitting department may take it back while it is pending.
 */
export function SubmissionDrawer({
  id,
  mayDecide,
  mayForward,
  mayWithdraw,
  onClose,
}: {
  id: string | null;
  mayDecide: boolean;
  mayForward: boolean;
  mayWithdraw: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [bulkReturn, setBulkReturn] = useState<string | null>(null);
  const [forwardNote, setForwardNote] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['catalog', 'submission', id],
    queryFn: ({ signal }) => api.get<SubmissionDetail>(`/catalog/submissions/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
  const submission = detail.data;
  const pending = submission?.state === 'pending';
  const open = submission?.entries.filter((entry) => entry.decision === 'pending') ?? [];
  const deciding = mayDecide && pending && open.length > 0;

  const close = () => {
    setDecisions({});
    setMissing([]);
    setProblem(null);
    onClose();
  };
  const done = async (text: string) => {
    message.success(text);
    setDecisions({});
    await invalidateCatalog(queryClient);
  };
  const run = async (act: () => Promise<unknown>, text: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await act();
      await done(text);
      return true;
    } catch (error) {
      setProblem(errorText(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const decide = (entryId: string, change: Decision) =>
    setDecisions((all) => ({ ...all, [entryId]: { ...all[entryId], ...change } }));
  const setAll = (decision: 'approved' | 'returned', reason?: string) =>
    setDecisions(
      Object.fromEntries(
        open.map((entry) => [
          entry.id,
          { decision, reason: decision === 'returned' ? decisions[entry.id]?.reason || reason : undefined },
        ]),
      ),
    );

  const send = async () => {
    const chosen = open.filter((entry) => decisions[entry.id]?.decision);
    const lacking = chosen.filter(
      (entry) => decisions[entry.id]?.decision === 'returned' && !decisions[entry.id]?.reason?.trim(),
    );
    setMissing(lacking.map((entry) => entry.id));
    if (chosen.length === 0) {
      setProblem(t('catalog.review.chooseFirst'));
      return;
    }
    if (lacking.length > 0) {
      setProblem(t('catalog.review.reasonRequired'));
      return;
    }
    await run(
      () =>
        api.post(`/catalog/submissions/${id}/decisions`, {
          decisions: chosen.map((entry) => ({
            entryId: entry.id,
            decision: decisions[entry.id]!.decision,
            ...(decisions[entry.id]!.decision === 'returned'
              ? { reason: decisions[entry.id]!.reason!.trim() }
              : {}),
          })),
        }),
      t('catalog.review.decided', { count: chosen.length }),
    );
  };

  const withdraw = () =>
    modal.confirm({
      title: t('catalog.review.withdrawTitle'),
      content: t('catalog.review.withdrawText'),
      okText: t('catalog.review.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run(() => api.post(`/catalog/submissions/${id}/withdraw`), t('catalog.review.withdrawn')),
    });

  const entryItem = (entry: SubmissionEntry) => {
    const mine = decisions[entry.id] ?? {};
    const editable = deciding && entry.decision === 'pending';
    return {
      key: entry.id,
      label: (
        <Flex gap={8} align="center" wrap>
          <ChangeTag change={entry.change} />
          <Typography.Text code>{entry.code}</Typography.Text>
          <Typography.Text strong>{entry.name}</Typography.Text>
          <DecisionTag decision={entry.decision} />
        </Flex>
      ),
      extra: editable && (
        <div onClick={(event) => event.stopPropagation()}>
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={mine.decision}
            onChange={(event) => decide(entry.id, { decision: event.target.value as Decision['decision'] })}
            options={[
              { value: 'approved', label: t('catalog.review.approve') },
              { value: 'returned', label: t('catalog.review.return') },
            ]}
            data-testid={`decision-${entry.code}`}
          />
        </div>
      ),
      children: (
        <Flex vertical gap={12}>
          {entry.change === 'remove' && (
            <Alert
              type="warning"
              showIcon
              title={t('catalog.review.removalReason', { reason: entry.note ?? '—' })}
            />
          )}
          {entry.decision !== 'pending' && (
            <Typography.Text type={entry.decision === 'returned' ? 'danger' : 'secondary'}>
              {t('catalog.review.decidedBy', {
                name: entry.decidedByName ?? '—',
                at: formatDateTime(entry.decidedAt),
              })}
              {entry.reason ? ` · ${t('catalog.review.reason')}：${entry.reason}` : ''}
              {entry.versionNumber ? ` · ${t('catalog.versionNumber', { number: entry.versionNumber })}` : ''}
            </Typography.Text>
          )}
          {editable && mine.decision === 'returned' && (
            <div>
              <Input.TextArea
                value={mine.reason}
                status={missing.includes(entry.id) && !mine.reason?.trim() ? 'error' : undefined}
                placeholder={t('catalog.review.reasonPlaceholder')}
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 5 }}
                onChange={(event) => decide(entry.id, { reason: event.target.value })}
                data-testid={`reason-${entry.code}`}
              />
              {missing.includes(entry.id) && !mine.reason?.trim() && (
                <Typography.Text type="danger">{t('catalog.review.reasonRequired')}</Typography.Text>
              )}
            </div>
          )}
          {entry.change !== 'remove' && <DiffView diff={entry.diff} />}
        </Flex>
      ),
    };
  };

  return (
    <Drawer
      open={id !== null}
      onClose={close}
      size={960}
      title={submission ? t('catalog.review.drawerTitle', { department: submission.departmentName }) : ''}
      destroyOnHidden
      extra={
        submission &&
        pending && (
          <Flex gap={8}>
            {mayWithdraw && (
              <Button danger onClick={withdraw} loading={busy}>
                {t('catalog.review.withdraw')}
              </Button>
            )}
            {mayForward && (
              <Button icon={<SendOutlined />} onClick={() => setForwardNote('')} loading={busy}>
                {t('catalog.review.forward')}
              </Button>
            )}
          </Flex>
        )
      }
      footer={
        deciding && (
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Flex gap={8}>
              <Button icon={<CheckOutlined />} onClick={() => setAll('approved')}>
                {t('catalog.review.approveAll')}
              </Button>
              <Button icon={<CloseOutlined />} onClick={() => setBulkReturn('')}>
                {t('catalog.review.returnAll')}
              </Button>
            </Flex>
            <Button type="primary" loading={busy} onClick={send} data-testid="decisions-submit">
              {t('catalog.review.send')}
            </Button>
          </Flex>
        )
      }
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.isLoading && <Spin />}
      {submission && (
        <Flex vertical gap={16}>
          <Progress submission={submission} />
          {problem && <Alert type="error" showIcon title={problem} data-testid="review-problem" />}
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              {
                key: 'department',
                label: t('catalog.review.department'),
                children: submission.departmentName,
              },
              {
                key: 'by',
                label: t('catalog.review.submittedBy'),
                children: `${submission.submittedByName ?? '—'} · ${formatDateTime(submission.submittedAt)}`,
              },
              { key: 'holder', label: t('catalog.review.holder'), children: submission.holderRegionName },
              {
                key: 'due',
                label: t('catalog.review.due'),
                children: (
                  <Flex gap={8} align="center">
                    {formatDate(submission.dueOn) || '—'}
                    {submission.overdue && submission.state === 'pending' && (
                      <Tag color="red">{t('catalog.review.overdue')}</Tag>
                    )}
                  </Flex>
                ),
              },
              {
                key: 'counts',
                label: t('catalog.review.entries'),
                children: t('catalog.review.counts', {
                  total: submission.entryCount,
                  pending: submission.pendingCount,
                }),
              },
              { key: 'note', label: t('catalog.review.note'), children: submission.note ?? '—' },
            ]}
          />
          {submission.entries.length === 0 ? (
            <Empty />
          ) : (
            <Collapse
              defaultActiveKey={submission.entries.slice(0, 3).map((entry) => entry.id)}
              items={submission.entries.map(entryItem)}
              data-testid="submission-entries"
            />
          )}
        </Flex>
      )}
      {bulkReturn !== null && (
        <Modal
          open
          title={t('catalog.review.returnAll')}
          okText={t('catalog.review.return')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: !bulkReturn.trim() }}
          onCancel={() => setBulkReturn(null)}
          onOk={() => {
            setAll('returned', bulkReturn.trim());
            setBulkReturn(null);
          }}
        >
          <Typography.Paragraph type="secondary">{t('catalog.review.returnAllText')}</Typography.Paragraph>
          <Input.TextArea
            value={bulkReturn}
            onChange={(event) => setBulkReturn(event.target.value)}
            placeholder={t('catalog.review.reasonPlaceholder')}
            autoSize={{ minRows: 3 }}
            maxLength={2000}
          />
        </Modal>
      )}
      {forwardNote !== null && (
        <Modal
          open
          title={t('catalog.review.forward')}
          okText={t('catalog.review.forward')}
          cancelText={t('common.cancel')}
          confirmLoading={busy}
          onCancel={() => setForwardNote(null)}
          onOk={async () => {
            const note = forwardNote.trim();
            const forwarded = await run(
              () => api.post(`/catalog/submissions/${id}/forward`, note ? { note } : {}),
              t('catalog.review.forwarded'),
            );
            setForwardNote(null);
            // The list is no longer with this authority: nothing is left to do here.
            if (forwarded) close();
          }}
        >
          <Typography.Paragraph type="secondary">{t('catalog.review.forwardText')}</Typography.Paragraph>
          <Input.TextArea
            value={forwardNote}
            onChange={(event) => setForwardNote(event.target.value)}
            placeholder={t('catalog.review.forwardNote')}
            autoSize={{ minRows: 2 }}
            maxLength={2000}
          />
        </Modal>
      )}
    </Drawer>
  );
}
