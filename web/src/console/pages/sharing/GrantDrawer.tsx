import { useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, Spin, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { Item } from '../../../api/catalog.ts';
import { sharingApi, type ShareGrant, type UsageSide } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { ruleSummary } from '../security/RuleEditor.tsx';
import { useResource } from '../catalog/meta.tsx';
import { ApiGuide } from './ApiGuide.tsx';
import { ConditionTags } from './ConditionBuilder.tsx';
import { GrantStateTag, useRefreshSharing } from './shared.tsx';
import { UsageChart } from './UsageChart.tsx';

/**
 * A grant: exactly what may be read (items with their masking, row conditions, purpose, application,
 * period), its usage per day and way, and how the application calls it; revoke with a reason.
 */
export function GrantDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can, info } = useSession();
  const [revoking, setRevoking] = useState(false);
  const detail = useQuery({
    queryKey: ['share/grants', 'detail', id],
    queryFn: ({ signal }) => sharingApi.grant(id, signal),
  });
  const grant = detail.data;
  const items = useResource(grant?.resource.id).data?.published?.items;
  // The provider's staff and the authority may revoke; the server decides, this only hides the button.
  const mayRevoke =
    !!grant &&
    !grant.revokedAt &&
    can('share.grant.revoke') &&
    (info?.user.departmentId === grant.provider.id || can('share.grant.open'));
  const consumer = !!grant && info?.user.departmentId === grant.consumer.id;
  // The usage report is read from the side the user stands on (the server checks it).
  const usageSide: UsageSide = consumer
    ? 'consumer'
    : grant && info?.user.departmentId === grant.provider.id
      ? 'provider'
      : 'authority';

  return (
    <Drawer
      open
      width={860}
      onClose={onClose}
      title={grant ? `${grant.resource.name} · ${grant.application}` : t('app.loading')}
      data-testid="grant-drawer"
      extra={
        mayRevoke && (
          <Button danger onClick={() => setRevoking(true)} data-testid="grant-revoke">
            {t('sharing.revoke.action')}
          </Button>
        )
      }
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!grant ? (
        <Spin />
      ) : (
        <Tabs
          defaultActiveKey="facts"
          items={[
            {
              key: 'facts',
              label: t('sharing.grant.tab.facts'),
              children: <GrantFacts grant={grant} items={items} />,
            },
            {
              key: 'usage',
              label: t('sharing.grant.tab.usage'),
              children: <UsageChart side={usageSide} grantId={grant.id} />,
            },
            {
              key: 'api',
              label: t('sharing.grant.tab.api'),
              children: <ApiGuide grant={grant} items={items} forConsumer={consumer} />,
            },
          ]}
        />
      )}
      {revoking && grant && <RevokeModal grant={grant} onClose={() => setRevoking(false)} />}
    </Drawer>
  );
}

function GrantFacts({ grant, items }: { grant: ShareGrant; items: Item[] | undefined }) {
  const { t } = useI18n();
  const granted = grant.fields.map(
    (field) => items?.find((item) => item.fieldName === field) ?? ({ fieldName: field, name: field } as Item),
  );
  return (
    <Flex vertical gap={16}>
      <Descriptions column={2} size="small" bordered data-testid="grant-facts">
        <Descriptions.Item label={t('sharing.field.state')}>
          <GrantStateTag grant={grant} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.basis')}>
          {t(`sharing.basis.${grant.basis}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.resource')}>
          {grant.resource.name}（{grant.resource.code}）{' '}
          <LevelTag level={grant.securityLevel} subLevel={grant.securitySubLevel} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.provider')}>{grant.provider.name}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.consumer')}>{grant.consumer.name}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.application')}>{grant.application}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.purpose')} span={2}>
          {grant.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.period')} span={2}>
          {formatDateTime(grant.startsAt)} ~ {formatDateTime(grant.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.field.rowScope')} span={2}>
          <ConditionTags conditions={grant.rowFilter} items={items} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.grant.createdBy')}>
          {grant.createdByName ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.grant.createdAt')}>
          {formatDate(grant.createdAt)}
        </Descriptions.Item>
        {grant.revokedAt && (
          <Descriptions.Item label={t('sharing.revoke.done')} span={2}>
            {formatDateTime(grant.revokedAt)} · {grant.revokedByName ?? '—'}：{grant.revokeReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table<Item>
        size="small"
        rowKey="fieldName"
        pagination={false}
        dataSource={granted}
        data-testid="grant-items"
        title={() => t('sharing.grant.items', { count: granted.length })}
        columns={[
          { title: t('sharing.masking.item'), dataIndex: 'name', key: 'name' },
          { title: t('sharing.grant.fieldName'), dataIndex: 'fieldName', key: 'fieldName', width: 140 },
          {
            title: t('sharing.masking.title'),
            key: 'masking',
            render: (_: unknown, item) => {
              const rule = grant.masking[item.fieldName];
              return rule ? (
                <Typography.Text strong>{ruleSummary(rule, t)}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('sharing.masking.byProvider')}</Typography.Text>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}

function RevokeModal({ grant, onClose }: { grant: ShareGrant; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSharing();
  return (
    <FormModal<{ reason: string }>
      name="grant-revoke"
      title={t('sharing.revoke.title', { application: grant.application })}
      okText={t('sharing.revoke.action')}
      fieldNames={['reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        await sharingApi.revoke(grant.id, values.reason.trim());
        message.success(t('sharing.revoke.done'));
        await refresh();
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t('sharing.revoke.help')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('sharing.revoke.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('sharing.revoke.reason') }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
