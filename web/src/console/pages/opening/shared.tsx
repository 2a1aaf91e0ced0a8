// Pieces the opening pages share: state and status tags, method names and reloading every opening
// list and detail after a change.
import { useQueryClient } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import type {
  AgreedMethod,
  AgreementStatus,
  ApplicationState,
  OpenAgreement,
  OpenDecision,
} from '../../../api/opening.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';

/** Reloads every opening list and detail (their keys start with `open`). */
export function useRefreshOpening() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('open') });
}

const STATE_COLORS: Record<ApplicationState, string> = {
  submitted: 'processing',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** An application's state as a tag; an approval in part says so beside it. */
export function ApplicationStateTag({
  state,
  decision,
}: {
  state: ApplicationState;
  decision: OpenDecision | null;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap data-testid="application-state">
      <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
        {t(`opening.state.${state}`)}
      </Tag>
      {decision === 'approve_in_part' && state === 'approved' && (
        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
          {t('opening.inPart')}
        </Tag>
      )}
    </Flex>
  );
}

const STATUS_COLORS: Record<AgreementStatus, string> = {
  awaiting_signatures: 'processing',
  awaiting_review: 'gold',
  refused: 'error',
  not_started: 'blue',
  active: 'success',
  ended: 'default',
  suspended: 'orange',
  terminated: 'error',
};

/** An agreement's status as a tag. */
export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="agreement-status">
      {t(`opening.status.${status}`)}
    </Tag>
  );
}

/** The names of agreed methods, joined. */
export function useMethodNames() {
  const { t } = useI18n();
  return (methods: readonly AgreedMethod[]) =>
    methods.map((method) => t(`opening.method.${method}`)).join('、');
}

/** The usage-feedback cell: the next report's date and a red flag once it is late. */
export function FeedbackCell({ agreement }: { agreement: OpenAgreement }) {
  const { t } = useI18n();
  const feedback = agreement.feedback;
  if (!feedback) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={6} align="center" wrap>
      {feedback.nextDueOn && (
        <span>{t('opening.agreement.nextDue', { date: formatDate(feedback.nextDueOn) })}</span>
      )}
      {feedback.finalReportIn && <Tag>{t('opening.agreement.finalIn')}</Tag>}
      {feedback.overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="agreement-feedback-overdue">
          {t('opening.agreement.feedbackOverdue')}
        </Tag>
      )}
    </Flex>
  );
}
