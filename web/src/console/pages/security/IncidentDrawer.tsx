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
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Incident, IncidentDetail, IncidentState } from '../../../api/security-registers.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { instant, InstantPicker, useProfileNames, useRefreshSecurity } from './shared.tsx';

const STATE_COLORS: Record<IncidentState, string> = {
  open: 'error',
  contained: 'warning',
  closed: 'default',
};

/** An incident's state as a coloured tag. */
export function IncidentStateTag({ state }: { state: IncidentState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`security.incident.state.${state}`)}</Tag>;
}

/** Whether and when the incident was reported, or by when it must be. */
export function ReportStatus({ incident, short = false }: { incident: Incident; short?: boolean }) {
  const { t } = useI18n();
  const { report } = incident;
  if (report)
    return (
      <Space size={4} wrap>
        <Typography.Text>
          {t('security.incident.report.done', {
            time: formatDateTime(report.reportedAt),
            to: short ? '' : report.reportedTo,
          })}
        </Typography.Text>
        {incident.reportedLate && <Tag color="warning">{t('security.incident.report.late')}</Tag>}
      </Space>
    );
  if (incident.reportOverdue)
    return (
      <Tag color="error" data-testid="report-overdue">
        {t('security.incident.report.overdue')}
      </Tag>
    );
  if (incident.reportDueAt)
    return (
      <Typography.Text type="warning">
        {t('security.incident.report.due', { time: formatDateTime(incident.reportDueAt) })}
      </Typography.Text>
    );
  return <Typography.Text type="secondary">{t('security.incident.report.noDuty')}</Typography.Text>;
}

type Step = 'actions' | 'contain' | 'close' | 'report';

const STEP_TITLES: Record<Step, MessageKey> = {
  actions: 'security.incident.addAction',
  contain: 'security.incident.contain',
  close: 'security.incident.close',
  report: 'security.incident.recordReport',
};

/** The detail drawer of an incident: what was registered, the report duty, the timeline and the next steps. */
export function IncidentDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const names = useProfileNames();
  const [step, setStep] = useState<Step | null>(null);
  const detail = useQuery({
    queryKey: ['security/incidents', 'detail', id],
    queryFn: ({ signal }) => api.get<IncidentDetail>(`/security/incidents/${id}`, undefined, { signal }),
  });
  const incident = detail.data;
  const working = incident && incident.state !== 'closed';
  const mayKeep = can('security.incident.manage');

  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={incident?.title ?? t('app.loading')}
      data-testid="incident-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!incident ? (
        <Spin />
      ) : (
        <>
          {mayKeep && (
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              {working && (
                <Button type="primary" onClick={() => setStep('actions')} data-testid="incident-add-action">
                  {t('security.incident.addAction')}
                </Button>
              )}
              {incident.state === 'open' && (
                <Button onClick={() => setStep('contain')}>{t('security.incident.contain')}</Button>
              )}
              {working && <Button onClick={() => setStep('close')}>{t('security.incident.close')}</Button>}
              {!incident.report && (
                <Button
                  danger={incident.reportOverdue}
                  onClick={() => setStep('report')}
                  data-testid="incident-report"
                >
                  {t('security.incident.recordReport')}
                </Button>
              )}
            </Flex>
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('security.department')}>{incident.department.name}</Descriptions.Item>
            <Descriptions.Item label={t('security.incident.state')}>
              <IncidentStateTag state={incident.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('security.incident.field.severity')}>
              <Tag color={names.severityColor(incident.severity)}>
                {names.severityName(incident.severity)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('security.incident.field.recordEstimate')}>
              {incident.recordEstimate ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.incident.field.occurredAt')}>
              {formatDateTime(incident.occurredAt) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.incident.field.detectedAt')}>
              {formatDateTime(incident.detectedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.incident.field.scope')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {incident.scope}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('security.resources')} span={2}>
              {incident.resources.length === 0
                ? '—'
                : incident.resources.map((r) => (
                    <Tag key={r.id}>
                      {r.code} {r.name}
                    </Tag>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.incident.report')} span={2}>
              <ReportStatus incident={incident} />
              {incident.report?.reference && (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {incident.report.reference}
                </Typography.Text>
              )}
            </Descriptions.Item>
            {incident.closureSummary && (
              <Descriptions.Item label={t('security.incident.closureSummary')} span={2}>
                {incident.closureSummary}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('security.incident.timeline')}
          </Typography.Title>
          {incident.timeline.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
          ) : (
            <Timeline
              data-testid="incident-timeline"
              items={incident.timeline.map((entry) => ({
                key: entry.id,
                color: entry.kind === 'action' ? 'blue' : entry.kind === 'reported' ? 'red' : 'green',
                children: (
                  <div>
                    <Typography.Text strong>{t(`security.incident.kind.${entry.kind}`)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {formatDateTime(entry.takenAt)} · {entry.actorName}
                    </Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{entry.description}</div>
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
      {step && incident && <StepModal step={step} incidentId={incident.id} onClose={() => setStep(null)} />}
    </Drawer>
  );
}

// The form's fields carry the API's names (takenAt, description, …), so refusals land beside them.
type StepValues = Record<string, Dayjs | string | undefined>;

const STEP_FIELDS: Record<Step, { at: string; text: string; atLabel: MessageKey; textLabel: MessageKey }> = {
  actions: {
    at: 'takenAt',
    text: 'description',
    atLabel: 'security.incident.field.takenAt',
    textLabel: 'security.incident.field.description',
  },
  contain: {
    at: 'containedAt',
    text: 'description',
    atLabel: 'security.incident.field.takenAt',
    textLabel: 'security.incident.field.description',
  },
  close: {
    at: 'closedAt',
    text: 'summary',
    atLabel: 'security.incident.field.takenAt',
    textLabel: 'security.incident.field.summary',
  },
  report: {
    at: 'reportedAt',
    text: 'reportedTo',
    atLabel: 'security.incident.field.reportedAt',
    textLabel: 'security.incident.field.reportedTo',
  },
};

/** One step on the incident: an action, containment, closing or the report. */
function StepModal({ step, incidentId, onClose }: { step: Step; incidentId: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSecurity();
  const fields = STEP_FIELDS[step];
  return (
    <FormModal<StepValues>
      name={`incident-${step}`}
      title={t(STEP_TITLES[step])}
      initialValues={{ [fields.at]: dayjs() }}
      fieldNames={[fields.at, fields.text, 'reference']}
      onClose={onClose}
      onSubmit={async (values) => {
        await api.post(`/security/incidents/${incidentId}/${step}`, {
          ...values,
          [fields.at]: instant(values[fields.at] as Dayjs),
        });
        message.success(t('security.incident.saved'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name={fields.at}
        label={t(fields.atLabel)}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t(fields.atLabel) }) }]}
      >
        <InstantPicker />
      </Form.Item>
      <Form.Item
        name={fields.text}
        label={t(fields.textLabel)}
        extra={step === 'report' ? t('security.incident.field.reportedToHelp') : undefined}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t(fields.textLabel) }),
          },
        ]}
      >
        {step === 'report' ? <Input maxLength={200} /> : <Input.TextArea rows={4} maxLength={4000} />}
      </Form.Item>
      {step === 'report' && (
        <Form.Item name="reference" label={t('security.incident.field.reference')}>
          <Input maxLength={200} />
        </Form.Item>
      )}
    </FormModal>
  );
}
