import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Radio, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import {
  participationApi,
  type AnswerDecision,
  type ParticipationRequestDetail,
} from '../../../api/opening-participation.ts';
import { useSession } from '../../../auth/session.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { applyFieldErrors, errorText } from '../../../lib/problems.ts';
import { DueCell, useCodeText } from '../sharing/shared.tsx';
import { ExtensionPanel } from '../sharing/ExtensionPanel.tsx';
import { StepsTimeline } from '../sharing/StepsTimeline.tsx';
import { RequestKindTag, RequestStateTag } from './participation-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

/** Whether the signed-in user is the side that answers the request (the server decides anyway). */
function useAnswers(request: ParticipationRequestDetail): boolean {
  const { can } = useSession();
  return request.kind === 'opinion' ? can('open.participation.manage') : can('open.participation.answer');
}

/** The detail of a request: what was asked, the deadline and its rule, the case's steps, the answer. */
export function ParticipationRequestDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['open/participation/requests', 'detail', id],
    queryFn: ({ signal }) => participationApi.request(id, signal),
  });
  const request = detail.data;
  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      title={request ? t(`participation.kind.${request.kind}`) : t('app.loading')}
      data-testid="request-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!request ? detail.isError ? null : <Spin /> : <RequestContent request={request} />}
    </Drawer>
  );
}

function RequestContent({ request }: { request: ParticipationRequestDetail }) {
  const { t } = useI18n();
  const refresh = useRefreshOpening();
  const answers = useAnswers(request);
  const waiting = request.state === 'submitted';
  // Kept here: once the detail reloads with a colleague's answer the form is gone, the notice stays.
  const [conflict, setConflict] = useState<string | null>(null);
  return (
    <Flex vertical gap={16}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('participation.answer.conflict')}
          description={conflict}
          data-testid="answer-conflict"
        />
      )}
      {waiting && !answers && (
        <Alert
          type="info"
          showIcon
          title={t('participation.answer.notYours', { name: request.responsible.name })}
        />
      )}
      {waiting && answers && request.case && <ExtensionPanel shareCase={request.case} onChanged={refresh} />}
      <RequestFacts request={request} />
      {request.answer && <AnswerFacts request={request} />}
      {waiting && answers && <AnswerForm request={request} onConflict={setConflict} />}
      {request.case && (
        <div>
          <Typography.Title level={5}>{t('sharing.history.title')}</Typography.Title>
          <StepsTimeline steps={request.case.history} testId="request-history" />
        </div>
      )}
    </Flex>
  );
}

/** The deadline rule of the profile, with its article and the extension it allows. */
function ruleText(request: ParticipationRequestDetail, t: ReturnType<typeof useI18n>['t']): string | null {
  const rule = request.replyRule;
  if (!rule) return null;
  let text = t('participation.rule', { days: rule.workdays });
  if (rule.article) text += t('participation.ruleArticle', { article: rule.article });
  if (rule.extension) {
    text += t('participation.ruleExtension', { days: rule.extension.workdays });
    if (rule.extension.article) text += t('participation.ruleArticle', { article: rule.extension.article });
  }
  return text;
}

/** A text the public typed, kept as typed (line breaks included) and shown as text. */
const Plain = ({ text }: { text: string }) => (
  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
);

function RequestFacts({ request }: { request: ParticipationRequestDetail }) {
  const { t } = useI18n();
  const code = useCodeText();
  const rule = ruleText(request, t);
  return (
    <Descriptions column={2} size="small" bordered data-testid="request-facts">
      <Descriptions.Item label={t('participation.field.kind')}>
        <RequestKindTag kind={request.kind} />
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.field.state')}>
        <RequestStateTag state={request.state} />
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.field.dataset')}>
        {request.resource
          ? `${request.resource.name}（${request.resource.code}）`
          : t('participation.field.noDataset')}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.field.responsible')}>
        {request.responsible.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.field.requester')}>
        {request.requester?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.field.createdAt')}>
        {formatDateTime(request.createdAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.field.dueOn')} span={2}>
        <Flex vertical gap={4}>
          {request.state === 'submitted' && !request.dueOn ? (
            <Typography.Text type="secondary">{t('participation.noDeadline')}</Typography.Text>
          ) : (
            <DueCell
              dueOn={request.dueOn}
              overdue={request.overdue}
              workdaysLeft={request.workdaysLeft}
              waiting={request.state === 'submitted'}
            />
          )}
          {rule && (
            <Typography.Text type="secondary" data-testid="request-rule">
              {rule}
            </Typography.Text>
          )}
        </Flex>
      </Descriptions.Item>
      {request.topic && (
        <Descriptions.Item label={t('participation.field.topic')} span={2}>
          {code('participation.topic', request.topic)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('participation.field.statement')} span={2}>
        <Plain text={request.statement} />
      </Descriptions.Item>
      {request.proposal && (
        <Descriptions.Item label={t('participation.field.proposal')} span={2}>
          <Plain text={request.proposal} />
        </Descriptions.Item>
      )}
      {request.fields.length > 0 && (
        <Descriptions.Item label={t('participation.field.fields')} span={2}>
          <FieldNames request={request} />
        </Descriptions.Item>
      )}
      {request.location && (
        <Descriptions.Item label={t('participation.field.location')} span={2}>
          <Plain text={request.location} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * The items a report names, by their names on the dataset's public page (the field name beside
 * each); the bare field names while that page loads or when it is gone (a dataset no longer open).
 */
function FieldNames({ request }: { request: ParticipationRequestDetail }) {
  const resourceId = request.resource?.id;
  const items = useQuery({
    queryKey: ['open/datasets', 'items', resourceId],
    queryFn: ({ signal }) => participationApi.datasetItems(resourceId!, signal),
    enabled: Boolean(resourceId),
    retry: false,
    staleTime: 60_000,
  });
  const byField = new Map((items.data ?? []).map((item) => [item.fieldName, item.name]));
  return (
    <span data-testid="request-fields">
      {request.fields
        .map((field) => (byField.has(field) ? `${byField.get(field)}（${field}）` : field))
        .join('、')}
    </span>
  );
}

function AnswerFacts({ request }: { request: ParticipationRequestDetail }) {
  const { t } = useI18n();
  const answer = request.answer!;
  return (
    <Descriptions
      column={2}
      size="small"
      bordered
      title={t('participation.answer.title')}
      data-testid="request-answer"
    >
      <Descriptions.Item label={t('participation.answer.decision')}>
        {t(`participation.answer.${answer.decision}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.answer.at')}>
        {formatDateTime(answer.answeredAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.answer.by')} span={2}>
        {answer.answeredByName ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('participation.answer.text')} span={2}>
        <Plain text={answer.text} />
      </Descriptions.Item>
    </Descriptions>
  );
}

interface AnswerValues {
  decision: AnswerDecision;
  answer: string;
}

/**
 * The answer, in the drawer itself. Only an empty answer is refused here: the server's own checks
 * (blank text among them) come back beside the field. A 409 (a colleague answered first) is said
 * plainly (by `onConflict`) and the detail reloads with that answer.
 */
function AnswerForm({
  request,
  onConflict,
}: {
  request: ParticipationRequestDetail;
  onConflict(detail: string): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const [form] = Form.useForm<AnswerValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (values: AnswerValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await participationApi.answer(request.id, values);
      message.success(t('participation.answer.done'));
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onConflict(error.detail || t('participation.answer.conflict'));
        await refresh();
        return;
      }
      const unmatched = applyFieldErrors(form, error, ['decision', 'answer']);
      const placed = error instanceof ApiError ? error.errors.length - unmatched.length : 0;
      if (placed === 0 || unmatched.length > 0) setProblem([errorText(error, t), ...unmatched].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="answer-form-section">
      <Typography.Title level={5}>{t('participation.answer.title')}</Typography.Title>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="answer-problem"
        />
      )}
      <Form<AnswerValues>
        form={form}
        name="participation-answer"
        layout="vertical"
        initialValues={{ decision: 'accept' }}
        onFinish={submit}
      >
        <Form.Item
          name="decision"
          label={t('participation.answer.decision')}
          rules={[{ required: true, message: t('participation.answer.decisionRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="answer-decision"
            options={(['accept', 'reject'] as const).map((decision) => ({
              value: decision,
              label: t(`participation.answer.${decision}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="answer"
          label={t('participation.answer.text')}
          extra={t('participation.answer.help')}
          rules={[{ required: true, message: t('participation.answer.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="answer-submit">
          {t('participation.answer.submit')}
        </Button>
      </Form>
    </div>
  );
}
