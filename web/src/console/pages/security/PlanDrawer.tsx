import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import {
  DRILL_RESULTS,
  type Drill,
  type DrillResult,
  type PlanDetail,
} from '../../../api/security-registers.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { day, DueTag, notAfterToday, useRefreshSecurity } from './shared.tsx';

const RESULT_COLORS: Record<DrillResult, string> = { passed: 'success', partial: 'warning', failed: 'error' };

/** How a drill went, as a tag. */
export function DrillResultTag({ result }: { result: DrillResult }) {
  const { t } = useI18n();
  return <Tag color={RESULT_COLORS[result]}>{t(`security.drill.result.${result}`)}</Tag>;
}

/** One drill as a list entry: date, result, scenario, findings and follow-ups. */
export function DrillEntry({ drill }: { drill: Drill }) {
  const { t } = useI18n();
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Flex gap={8} align="center">
          <Typography.Text strong>{formatDate(drill.heldOn)}</Typography.Text>
          <DrillResultTag result={drill.result} />
          <Typography.Text>{drill.scenario}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('security.drill.field.participants')}：{drill.participants}
        </Typography.Text>
        {drill.findings && (
          <div>
            {t('security.drill.field.findings')}：{drill.findings}
          </div>
        )}
        {drill.followUps.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {drill.followUps.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
      </div>
    </List.Item>
  );
}

/** The drawer of a plan: its text, review due date, drills, and (for its keepers) revise, retire, record a drill. */
export function PlanDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const refresh = useRefreshSecurity();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const [revising, setRevising] = useState(false);
  const detail = useQuery({
    queryKey: ['security/plans', 'detail', id],
    queryFn: ({ signal }) => api.get<PlanDetail>(`/security/plans/${id}`, undefined, { signal }),
  });
  const plan = detail.data;
  const mayKeep = can('security.incident.manage') && plan && !plan.retired;
  return (
    <Drawer
      open
      width={680}
      onClose={onClose}
      title={plan ? `${plan.title}（${plan.version}）` : t('app.loading')}
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!plan ? (
        <Spin />
      ) : (
        <>
          {mayKeep && (
            <Flex gap={8} style={{ marginBottom: 16 }}>
              <Button type="primary" onClick={() => setRecording(true)} data-testid="drill-record">
                {t('security.drills.record')}
              </Button>
              <Button onClick={() => setRevising(true)}>{t('security.plan.revise')}</Button>
              <Popconfirm
                title={t('security.plan.retire')}
                onConfirm={async () => {
                  await api.patch(`/security/plans/${id}`, { retired: true });
                  message.success(t('common.saved'));
                  await refresh();
                }}
              >
                <Button danger>{t('security.plan.retire')}</Button>
              </Popconfirm>
            </Flex>
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('security.department')}>{plan.department.name}</Descriptions.Item>
            <Descriptions.Item label={t('security.plan.field.approvedOn')}>
              {formatDate(plan.approvedOn)} {plan.retired && <Tag>{t('security.plan.retired')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.plan.review')}>
              <DueTag due={plan.reviewDueOn} overdue={plan.reviewOverdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('security.overview.drill')}>
              <DueTag due={plan.drillDueOn} overdue={plan.drillOverdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('security.plan.field.scope')} span={2}>
              {plan.scope}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.plan.field.body')} span={2}>
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                ellipsis={{ rows: 8, expandable: true }}
              >
                {plan.body}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('security.plan.drills')}
          </Typography.Title>
          {plan.drills.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.drills.empty')} />
          ) : (
            <List
              dataSource={plan.drills}
              renderItem={(drill) => <DrillEntry drill={drill} />}
              data-testid="plan-drills"
            />
          )}
        </>
      )}
      {recording && <DrillModal planId={id} onClose={() => setRecording(false)} />}
      {revising && plan && <PlanModal plan={plan} onClose={() => setRevising(false)} />}
    </Drawer>
  );
}

interface DrillValues {
  heldOn: Dayjs;
  scenario: string;
  participants: string;
  result: DrillResult;
  findings?: string;
  followUps?: string;
}

function DrillModal({ planId, onClose }: { planId: string; onClose(): void }) {
  const { t } = useI18n();
  const refresh = useRefreshSecurity();
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.requiredField', { field }) },
  ];
  return (
    <FormModal<DrillValues>
      name="drill"
      title={t('security.drills.record')}
      initialValues={{ heldOn: dayjs(), result: 'passed' }}
      fieldNames={['heldOn', 'scenario', 'participants', 'result', 'findings', 'followUps']}
      onClose={onClose}
      onSubmit={async (values) => {
        await api.post(`/security/plans/${planId}/drills`, {
          heldOn: day(values.heldOn),
          scenario: values.scenario,
          participants: values.participants,
          result: values.result,
          findings: values.findings ?? '',
          followUps: (values.followUps ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        });
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="heldOn"
        label={t('security.drill.field.heldOn')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', { field: t('security.drill.field.heldOn') }),
          },
        ]}
      >
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item
        name="scenario"
        label={t('security.drill.field.scenario')}
        rules={required(t('security.drill.field.scenario'))}
      >
        <Input maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="participants"
        label={t('security.drill.field.participants')}
        rules={required(t('security.drill.field.participants'))}
      >
        <Input maxLength={2000} />
      </Form.Item>
      <Form.Item name="result" label={t('security.drill.field.result')}>
        <Select options={DRILL_RESULTS.map((r) => ({ value: r, label: t(`security.drill.result.${r}`) }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('security.drill.field.findings')}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Form.Item name="followUps" label={t('security.drill.field.followUps')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

interface PlanValues {
  title: string;
  version: string;
  scope: string;
  body: string;
  approvedOn: Dayjs;
}

/** Registers a plan, or revises the given one. */
export function PlanModal({ plan, onClose }: { plan?: PlanDetail; onClose(): void }) {
  const { t } = useI18n();
  const refresh = useRefreshSecurity();
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.requiredField', { field }) },
  ];
  return (
    <FormModal<PlanValues>
      name="plan"
      width={640}
      title={t(plan ? 'security.plan.revise' : 'security.plans.register')}
      initialValues={plan ? { ...plan, approvedOn: dayjs(plan.approvedOn) } : { version: 'v1.0' }}
      fieldNames={['title', 'version', 'scope', 'body', 'approvedOn']}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = { ...values, approvedOn: day(values.approvedOn) };
        if (plan) await api.patch(`/security/plans/${plan.id}`, body);
        else await api.post('/security/plans', body);
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="title"
        label={t('security.plan.field.title')}
        rules={required(t('security.plan.field.title'))}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item
          name="version"
          label={t('security.plan.field.version')}
          rules={required(t('security.plan.field.version'))}
        >
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="approvedOn"
          label={t('security.plan.field.approvedOn')}
          rules={[
            {
              required: true,
              message: t('common.requiredSelect', { field: t('security.plan.field.approvedOn') }),
            },
          ]}
        >
          <DatePicker disabledDate={notAfterToday} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="scope"
        label={t('security.plan.field.scope')}
        rules={required(t('security.plan.field.scope'))}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('security.plan.field.body')}
        rules={required(t('security.plan.field.body'))}
      >
        <Input.TextArea rows={8} />
      </Form.Item>
    </FormModal>
  );
}
