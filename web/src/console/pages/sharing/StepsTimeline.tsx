import { Empty, Flex, Timeline, Typography } from 'antd';
import type { ShareCaseStep } from '../../../api/sharing.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useCodeText } from './shared.tsx';

const STEP_COLORS: Record<string, string> = {
  refuse: 'red',
  withdraw: 'gray',
  approve: 'green',
  approve_in_part: 'green',
  opened: 'green',
  grant: 'green',
  resolve: 'green',
  'extension.refuse': 'red',
  'extension.approve': 'green',
};

/**
 * The name of a step: an approval in part is an `approve` step whose detail says so; `open` is the
 * case being opened (the request filed), except from `awaiting_authority`, where the authority opened
 * access.
 */
function stepName(step: ShareCaseStep): string {
  if (step.action === 'approve' && typeof step.detail.decision === 'string') return step.detail.decision;
  if (step.action === 'open' && step.fromState === 'awaiting_authority') return 'opened';
  return step.action;
}

/** The steps of a request or dispute, oldest first, with who took each and the reason given. */
export function StepsTimeline({ steps, testId }: { steps: ShareCaseStep[]; testId: string }) {
  const { t } = useI18n();
  const text = useCodeText();
  if (steps.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sharing.history.empty')} />;
  return (
    <Timeline
      data-testid={testId}
      items={steps.map((step, index) => {
        const reason = typeof step.detail.reason === 'string' ? step.detail.reason : null;
        const name = stepName(step);
        return {
          key: index,
          color: STEP_COLORS[name] ?? 'blue',
          title: formatDateTime(step.occurredAt),
          content: (
            <Flex vertical gap={2}>
              <Typography.Text>
                <Typography.Text strong>{text('sharing.history.action', name)}</Typography.Text>
                {step.actorName ? ` · ${step.actorName}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary">
                {text('sharing.history.state', step.toState)}
              </Typography.Text>
              {reason && (
                <Typography.Text type="secondary">
                  {t('sharing.decision.reason')}：{reason}
                </Typography.Text>
              )}
            </Flex>
          ),
        };
      })}
    />
  );
}
