import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { AssessmentDetail } from '../../../api/security-registers.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useProfileNames, useRefreshSecurity } from './shared.tsx';

/**
 * The drawer of a risk assessment: findings, measures, the combined resources, and the expert panel —
 * the department asks experts; an expert (asExpert) reads the question and writes the own opinion.
 */
export function AssessmentDrawer({
  id,
  asExpert,
  onClose,
}: {
  id: string;
  asExpert: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const names = useProfileNames();
  const [asking, setAsking] = useState(false);
  const [writing, setWriting] = useState(false);
  const base = asExpert ? '/security/expert/assessments' : '/security/assessments';
  const detail = useQuery({
    queryKey: ['security/assessments', 'detail', asExpert, id],
    queryFn: ({ signal }) => api.get<AssessmentDetail>(`${base}/${id}`, undefined, { signal }),
  });
  const a = detail.data;
  const own = a?.experts[0];
  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={a?.title ?? t('app.loading')}
      data-testid="assessment-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!a ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('security.department')}>{a.department.name}</Descriptions.Item>
            <Descriptions.Item label={t('security.assessment.field.assessedOn')}>
              {formatDate(a.assessedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.assessment.field.scopes')}>
              {a.scopes.map((s) => (
                <Tag key={s}>{t(`security.assessment.scope.${s}`)}</Tag>
              ))}
              {a.reidentification && <Tag color="purple">{t('security.assessment.reidentification')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.assessment.field.riskLevel')}>
              {names.levelName(a.riskLevel)}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.assessment.field.findings')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{a.findings}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('security.assessment.field.measures')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{a.measures || '—'}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('security.resources')} span={2}>
              {a.resources.length === 0
                ? '—'
                : a.resources.map((r) => (
                    <Tag key={r.id}>
                      {r.code} {r.name}
                    </Tag>
                  ))}
            </Descriptions.Item>
          </Descriptions>
          <Card
            size="small"
            style={{ marginTop: 24 }}
            title={t('security.assessment.experts')}
            extra={
              asExpert ? (
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setWriting(true)}
                  data-testid="opinion-write"
                >
                  {t('security.assessment.writeOpinion')}
                </Button>
              ) : (
                can('security.incident.manage') && (
                  <Button size="small" onClick={() => setAsking(true)} data-testid="experts-ask">
                    {t('security.assessment.askExperts')}
                  </Button>
                )
              )
            }
          >
            {a.expertQuestion && (
              <Typography.Paragraph>
                <Typography.Text strong>{t('security.assessment.question')}：</Typography.Text>
                {a.expertQuestion}
              </Typography.Paragraph>
            )}
            {a.experts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.assessment.noExperts')} />
            ) : (
              a.experts.map((x) => (
                <div key={x.expert.id} style={{ marginBottom: 12 }} data-testid="expert-opinion">
                  <Flex gap={8}>
                    <Typography.Text strong>{x.expert.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {formatDateTime(x.opinionAt ?? x.askedAt)}
                    </Typography.Text>
                  </Flex>
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    {x.opinion ?? (
                      <Typography.Text type="secondary">{t('security.assessment.noOpinion')}</Typography.Text>
                    )}
                  </div>
                </div>
              ))
            )}
          </Card>
        </>
      )}
      {asking && <AskModal id={id} onClose={() => setAsking(false)} />}
      {writing && <OpinionModal id={id} current={own?.opinion ?? ''} onClose={() => setWriting(false)} />}
    </Drawer>
  );
}

function AskModal({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const refresh = useRefreshSecurity();
  const experts = useQuery({
    queryKey: ['security/experts'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; username: string }[] }>('/security/experts', undefined, {
        signal,
      }),
  });
  return (
    <FormModal<{ expertIds: string[]; question: string }>
      name="ask"
      title={t('security.assessment.askExperts')}
      fieldNames={['expertIds', 'question']}
      onClose={onClose}
      onSubmit={async (values) => {
        await api.post(`/security/assessments/${id}/experts`, values);
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="expertIds"
        label={t('security.assessment.field.experts')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', { field: t('security.assessment.field.experts') }),
          },
        ]}
      >
        <Select
          mode="multiple"
          loading={experts.isFetching}
          options={(experts.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${e.name}（${e.username}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="question"
        label={t('security.assessment.field.question')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('security.assessment.field.question') }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

function OpinionModal({ id, current, onClose }: { id: string; current: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSecurity();
  return (
    <FormModal<{ opinion: string }>
      name="opinion"
      title={t('security.assessment.writeOpinion')}
      initialValues={{ opinion: current }}
      fieldNames={['opinion']}
      onClose={onClose}
      onSubmit={async (values) => {
        await api.put(`/security/expert/assessments/${id}/opinion`, values);
        message.success(t('common.saved'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="opinion"
        label={t('security.assessment.field.opinion')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('security.assessment.field.opinion') }),
          },
        ]}
      >
        <Input.TextArea rows={8} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}
