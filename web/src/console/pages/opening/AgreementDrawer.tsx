import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Radio,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  agreementFileUrl,
  openingApi,
  type AgreementParty,
  type OpenAgreementDetail,
} from '../../../api/opening.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { BreachModal } from './BreachModal.tsx';
import { AgreementStatusTag, FeedbackCell, useMethodNames, useRefreshOpening } from './shared.tsx';

const PARTIES: readonly AgreementParty[] = ['applicant', 'provider'];

/**
 * An agreement: its terms, the document as signed (in a frame that runs no script), the
 * signatures, the review and the usage feedback; 签署 for the provider's side while it waits for
 * signatures, 审核 for the authority once both have signed.
 */
export function AgreementDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const [reviewing, setReviewing] = useState(false);
  const [breaching, setBreaching] = useState(false);
  const detail = useQuery({
    queryKey: ['open/agreements', 'detail', id],
    queryFn: ({ signal }) => openingApi.agreement(id, signal),
  });
  const agreement = detail.data;
  const sign = async () => {
    if (!agreement) return;
    try {
      await openingApi.sign(agreement.id, agreement.digest);
      message.success(t('opening.sign.done'));
      await refresh();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  return (
    <Drawer
      open
      size={860}
      onClose={onClose}
      title={agreement?.number ?? t('app.loading')}
      data-testid="agreement-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!agreement ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            {agreement.mySide === 'provider' && (
              <Popconfirm
                title={t('opening.sign.confirm', { number: agreement.number, digest: agreement.digest })}
                okText={t('opening.sign.action')}
                cancelText={t('common.cancel')}
                onConfirm={sign}
              >
                <Button type="primary" data-testid="agreement-sign">
                  {t('opening.sign.action')}
                </Button>
              </Popconfirm>
            )}
            {agreement.status === 'awaiting_review' && can('open.agreement.review') && (
              <Button type="primary" onClick={() => setReviewing(true)} data-testid="agreement-review">
                {t('opening.review.action')}
              </Button>
            )}
            {(agreement.status === 'active' || agreement.status === 'suspended') &&
              can('open.agreement.supervise') && (
                <Button danger onClick={() => setBreaching(true)} data-testid="agreement-breach">
                  {t('supervision.action.report')}
                </Button>
              )}
            <Button
              href={agreementFileUrl(agreement.id, 'document')}
              data-testid="agreement-download-document"
            >
              {t('opening.agreement.downloadDocument')}
            </Button>
            {agreement.signatures.length > 0 && (
              <Button href={agreementFileUrl(agreement.id, 'signed')} data-testid="agreement-download-signed">
                {t('opening.agreement.downloadSigned')}
              </Button>
            )}
          </Flex>
          <Terms agreement={agreement} />
          <Signatures agreement={agreement} />
          <div>
            <Typography.Title level={5}>{t('opening.agreement.document')}</Typography.Title>
            <iframe
              title={t('opening.agreement.documentFrame', { number: agreement.number })}
              sandbox=""
              srcDoc={agreement.document}
              style={{
                width: '100%',
                height: 480,
                border: '1px solid #d9d9d9',
                borderRadius: 6,
                background: '#fff',
              }}
              data-testid="agreement-document-frame"
            />
          </div>
          <Feedback agreement={agreement} />
        </Flex>
      )}
      {reviewing && agreement && <ReviewModal agreement={agreement} onClose={() => setReviewing(false)} />}
      {breaching && agreement && <BreachModal agreement={agreement} onClose={() => setBreaching(false)} />}
    </Drawer>
  );
}

/** What was agreed, the status and the review. */
function Terms({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = useI18n();
  const methodNames = useMethodNames();
  const review = agreement.review;
  return (
    <Descriptions column={2} size="small" bordered data-testid="agreement-facts">
      <Descriptions.Item label={t('opening.agreement.status')}>
        <AgreementStatusTag status={agreement.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.agreement.feedback')}>
        <FeedbackCell agreement={agreement} />
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.dataset')}>
        {agreement.resource.name}（{agreement.resource.code}）{' '}
        <LevelTag level={agreement.securityLevel} subLevel={agreement.securitySubLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.provider')}>{agreement.provider.name}</Descriptions.Item>
      <Descriptions.Item label={t('opening.field.applicant')}>{agreement.applicant.name}</Descriptions.Item>
      <Descriptions.Item label={t('opening.field.methods')}>
        {methodNames(agreement.methods)}
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.period')}>
        {formatDate(agreement.validFrom)} ~ {formatDate(agreement.validUntil)}
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.agreement.disposal')}>
        {t('opening.agreement.disposalValue', { days: agreement.disposalDays })}
        {agreement.feedback &&
          ` · ${t('opening.agreement.feedbackEvery', { days: agreement.feedback.everyDays })}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.agreement.items')} span={2}>
        {agreement.items.map((item) => item.name).join('、')}
      </Descriptions.Item>
      {(['purpose', 'scenario', 'securityMeasures'] as const).map((field) => (
        <Descriptions.Item key={field} label={t(`opening.field.${field}`)} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {agreement[field]}
          </Typography.Paragraph>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('opening.agreement.digest')} span={2}>
        <Typography.Text code copyable data-testid="agreement-digest">
          {agreement.digest}
        </Typography.Text>
      </Descriptions.Item>
      {review && (
        <Descriptions.Item label={t('opening.agreement.reviewed')} span={2}>
          {t('opening.agreement.reviewedValue', {
            decision: t(`opening.review.${review.decision}`),
            name: review.reviewerName ?? '—',
            at: formatDateTime(review.reviewedAt),
          })}
          {review.reason ? `：${review.reason}` : ''}
        </Descriptions.Item>
      )}
      {agreement.stateReason && (
        <Descriptions.Item label={t('opening.agreement.stateReason')} span={2}>
          {agreement.stateReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Both sides' signatures (side, signer, time, algorithm, key id), a missing one said so. */
function Signatures({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = useI18n();
  if (!agreement.signaturesRequired)
    return <Typography.Text type="secondary">{t('opening.agreement.noSignatures')}</Typography.Text>;
  const rows = PARTIES.map((party) => ({
    party,
    signature: agreement.signatures.find((one) => one.party === party),
  }));
  return (
    <div>
      <Typography.Title level={5}>{t('opening.agreement.signatures')}</Typography.Title>
      <Table
        size="small"
        rowKey="party"
        pagination={false}
        dataSource={rows}
        data-testid="agreement-signatures"
        columns={[
          {
            title: t('opening.agreement.party'),
            key: 'party',
            render: (_: unknown, row) => t(`opening.agreement.party.${row.party}`),
          },
          {
            title: t('opening.agreement.signer'),
            key: 'signer',
            render: (_: unknown, row) =>
              row.signature?.signerName ?? (
                <Typography.Text type="secondary">{t('opening.agreement.notSigned')}</Typography.Text>
              ),
          },
          {
            title: t('opening.agreement.signedAt'),
            key: 'at',
            render: (_: unknown, row) => formatDateTime(row.signature?.signedAt),
          },
          {
            title: t('opening.agreement.alg'),
            key: 'alg',
            render: (_: unknown, row) => row.signature?.alg ?? '',
          },
          {
            title: t('opening.agreement.keyId'),
            key: 'keyId',
            render: (_: unknown, row) =>
              row.signature ? <Typography.Text code>{row.signature.keyId}</Typography.Text> : '',
          },
        ]}
      />
    </div>
  );
}

/** The usage reports filed, newest first. */
function Feedback({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={5}>{t('opening.agreement.feedbackList')}</Typography.Title>
      {agreement.feedbackList.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opening.agreement.noFeedback')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={agreement.feedbackList}
          data-testid="agreement-feedback-list"
          renderItem={(report) => (
            <List.Item key={report.id}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">
                  {formatDateTime(report.createdAt)} · {report.submittedByName}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {report.summary}
                </Typography.Paragraph>
                {report.outcomes.map((outcome, index) => (
                  <Typography.Text key={index}>
                    {t(`opening.agreement.outcome.${outcome.kind}`)}：{outcome.title}
                    {outcome.citation ? ` — ${outcome.citation}` : ''}
                    {outcome.url ? ` (${outcome.url})` : ''}
                  </Typography.Text>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** The authority's review: approve opens access, refuse needs a reason. */
function ReviewModal({ agreement, onClose }: { agreement: OpenAgreementDetail; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  return (
    <FormModal<{ decision: 'approve' | 'refuse'; reason?: string }>
      name="open-review"
      title={t('opening.review.title', { number: agreement.number })}
      okText={t('opening.review.submit')}
      fieldNames={['decision', 'reason']}
      initialValues={{ decision: 'approve' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await openingApi.review(agreement.id, {
          decision: values.decision,
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        });
        message.success(t(`opening.review.done.${values.decision}`));
        await refresh();
        onClose();
      }}
    >
      <Form.Item name="decision" label={t('opening.review.decision')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="review-kind"
          options={[
            { value: 'approve', label: t('opening.review.approve') },
            { value: 'refuse', label: t('opening.review.refuse') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['decision']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="reason"
            label={t('opening.review.reason')}
            rules={[
              {
                required: getFieldValue('decision') === 'refuse',
                whitespace: true,
                message: t('opening.review.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}
