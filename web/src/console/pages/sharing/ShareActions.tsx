// What an officer can do with a resource of the share catalog: get access at once (无条件共享),
// apply for it (有条件共享), or raise a dispute (不予共享, CQ19 §27). Each opens its form.
import { Alert, App, Button, DatePicker, Form, Input, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CatalogEntry, Item } from '../../../api/catalog.ts';
import { sharingApi } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useResource } from '../catalog/meta.tsx';
import { ConditionBuilder, conditionsRule, toConditions, type ConditionDraft } from './ConditionBuilder.tsx';
import {
  ApplicationInput,
  day,
  ItemsPicker,
  periodLimits,
  useRefreshSharing,
  useSharingProfile,
} from './shared.tsx';

type Action = 'grant' | 'apply' | 'dispute';

const ACTION_OF = { unconditional: 'grant', conditional: 'apply', none: 'dispute' } as const;

/** The button of a catalog entry's sharing action, and its form; nothing for the own resources. */
export function ShareAction({ entry }: { entry: CatalogEntry }) {
  const { t } = useI18n();
  const { can, info } = useSession();
  const [open, setOpen] = useState(false);
  if (!can('share.request') || !info?.user.departmentId || entry.departmentId === info.user.departmentId)
    return null;
  const action: Action = ACTION_OF[entry.shareType];
  const click = (event: MouseEvent) => {
    // The card under the button opens the entry; the button opens the form instead.
    event.stopPropagation();
    setOpen(true);
  };
  return (
    <span onClick={(event) => event.stopPropagation()}>
      <Button
        size="small"
        type={action === 'dispute' ? 'default' : 'primary'}
        onClick={click}
        data-testid={`share-action-${action}`}
      >
        {t(`sharing.action.${action}`)}
      </Button>
      {open && <ActionModal action={action} entry={entry} onClose={() => setOpen(false)} />}
    </span>
  );
}

interface RequestValues {
  application: string;
  purpose: string;
  legalBasis?: string;
  fields: string[];
  rowScope?: ConditionDraft[];
  validFrom?: Dayjs;
  validUntil: Dayjs;
}

const REQUEST_FIELDS = [
  'application',
  'purpose',
  'legalBasis',
  'fields',
  'rowScope',
  'validFrom',
  'validUntil',
] as const;

function ActionModal({ action, entry, onClose }: { action: Action; entry: CatalogEntry; onClose(): void }) {
  const resource = useResource(entry.resourceId);
  const items = resource.data?.published?.items;
  if (action === 'dispute') return <DisputeModal entry={entry} onClose={onClose} />;
  if (!items) return <Spin fullscreen />;
  return <RequestModal conditional={action === 'apply'} entry={entry} items={items} onClose={onClose} />;
}

/** 获取授权 (granted at once) or 申请共享 (a case the provider answers). */
function RequestModal({
  conditional,
  entry,
  items,
  onClose,
}: {
  conditional: boolean;
  entry: CatalogEntry;
  items: Item[];
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshSharing();
  const profile = useSharingProfile();
  const [validFrom, setValidFrom] = useState<Dayjs | null>(null);
  const limits = periodLimits(profile.maxValidityDays, validFrom);
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.requiredField', { field }) },
  ];
  return (
    <FormModal<RequestValues>
      name="share-request"
      title={`${t(conditional ? 'sharing.action.apply' : 'sharing.action.grant')} · ${entry.name}`}
      okText={t(conditional ? 'sharing.form.submitApply' : 'sharing.form.submitGrant')}
      width={760}
      fieldNames={REQUEST_FIELDS}
      initialValues={{
        fields: conditional ? [] : items.map((item) => item.fieldName),
        rowScope: [],
        validUntil: dayjs().add(Math.min(365, profile.maxValidityDays), 'day'),
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await sharingApi.createRequest({
          resourceId: entry.resourceId,
          application: values.application.trim(),
          purpose: values.purpose.trim(),
          ...(values.legalBasis?.trim() ? { legalBasis: values.legalBasis.trim() } : {}),
          fields: values.fields,
          rowScope: toConditions(values.rowScope),
          ...(values.validFrom ? { validFrom: day(values.validFrom) } : {}),
          validUntil: day(values.validUntil)!,
        });
        await refresh();
        onClose();
        if (created.grantId) {
          message.success(t('sharing.form.granted'));
          navigate(`/console/sharing/grants?grant=${created.grantId}`);
        } else {
          message.success(t('sharing.form.submitted'));
          navigate(`/console/sharing/requests?request=${created.id}`);
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(conditional ? 'sharing.form.applyHelp' : 'sharing.form.grantHelp', {
          provider: entry.departmentName,
        })}
      />
      <Form.Item
        name="application"
        label={t('sharing.field.application')}
        extra={t('sharing.form.applicationHelp')}
        rules={required(t('sharing.field.application'))}
      >
        <ApplicationInput />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('sharing.field.purpose')}
        extra={t('sharing.form.purposeHelp')}
        rules={required(t('sharing.field.purpose'))}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {conditional && (
        <Form.Item
          name="legalBasis"
          label={t('sharing.field.legalBasis')}
          extra={t('sharing.form.legalBasisHelp')}
          rules={required(t('sharing.field.legalBasis'))}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
      <Form.Item
        name="fields"
        label={t('sharing.field.fields')}
        rules={[{ required: true, type: 'array', min: 1, message: t('sharing.form.fieldsRequired') }]}
      >
        <ItemsPicker items={items} />
      </Form.Item>
      {conditional && (
        <Form.Item
          name="rowScope"
          label={t('sharing.field.rowScope')}
          extra={t('sharing.form.rowScopeHelp')}
          rules={[conditionsRule(t)]}
        >
          <ConditionBuilder items={items} />
        </Form.Item>
      )}
      <Space align="start" wrap>
        <Form.Item
          name="validFrom"
          label={t('sharing.field.validFrom')}
          extra={t('sharing.form.validFromHelp')}
        >
          <DatePicker disabledDate={limits.from} onChange={setValidFrom} />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t('sharing.field.validUntil')}
          extra={t('sharing.form.validUntilHelp', { days: profile.maxValidityDays })}
          rules={[
            { required: true, message: t('common.requiredSelect', { field: t('sharing.field.validUntil') }) },
          ]}
        >
          <DatePicker disabledDate={limits.until} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 提出异议: a resource that is not shared, and why the department needs it. */
function DisputeModal({ entry, onClose }: { entry: CatalogEntry; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshSharing();
  return (
    <FormModal<{ reason: string }>
      name="share-dispute"
      title={`${t('sharing.action.dispute')} · ${entry.name}`}
      okText={t('sharing.dispute.submit')}
      fieldNames={['reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        const dispute = await sharingApi.raiseDispute({
          resourceId: entry.resourceId,
          reason: values.reason.trim(),
        });
        message.success(t('sharing.dispute.raised'));
        await refresh();
        onClose();
        navigate(`/console/sharing/disputes?dispute=${dispute.id}`);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sharing.dispute.help')} />
      <Form.Item
        name="reason"
        label={t('sharing.dispute.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('sharing.dispute.reason') }),
          },
        ]}
      >
        <Input.TextArea rows={5} maxLength={4000} placeholder={t('sharing.dispute.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
