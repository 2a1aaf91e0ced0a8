import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  todayInChina,
  type UpdateRequestDetail,
  type UpdateRequestInput,
} from '../../../../api/catalog-updates.ts';
import { api } from '../../../../api/client.ts';
import { useSession } from '../../../../auth/session.tsx';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { invalidateCatalog } from '../meta.tsx';
import { ruleText, useUpdatesProfile } from './shared.tsx';

interface Values {
  departmentId?: string;
  changedOn?: Dayjs;
  reason?: string;
  basis?: string;
}

const FIELDS = ['changedOn', 'reason', 'basis'] as const;

/**
 * 登记变更: registers a change of law or duties (POST /catalog/update-requests), which opens the
 * department's duty to submit its changed list. An authority officer picks the department; a
 * department registers for itself. The date may not be in the future (checked here and by the server).
 */
export function RegisterModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { info } = useSession();
  const queryClient = useQueryClient();
  const rule = useUpdatesProfile().data?.deadlines.catalogUpdateRequest;
  const isAuthority = info?.user.role === 'authority_officer';
  const ownDepartment = info?.user.departmentId ?? undefined;
  const today = todayInChina();

  const submit = async (values: Values) => {
    const body: UpdateRequestInput = {
      departmentId: (isAuthority ? values.departmentId : ownDepartment) ?? '',
      changedOn: values.changedOn!.format('YYYY-MM-DD'),
      reason: values.reason!.trim(),
      basis: values.basis!.trim(),
    };
    const created = await api.post<UpdateRequestDetail>('/catalog/update-requests', body);
    message.success(
      created.dueOn
        ? t('catalog.updates.registered', { department: created.department.name, due: created.dueOn })
        : t('catalog.updates.registeredNoDue', { department: created.department.name }),
    );
    await invalidateCatalog(queryClient);
    onClose();
  };

  return (
    <FormModal<Values>
      name="update"
      title={t('catalog.updates.register')}
      okText={t('catalog.updates.registerOk')}
      // A department registers for itself: no department field to put an error beside.
      fieldNames={isAuthority ? ['departmentId', ...FIELDS] : FIELDS}
      onSubmit={submit}
      onClose={onClose}
      width={620}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          rule
            ? t('catalog.updates.registerRule', { rule: ruleText(t, rule) ?? '' })
            : t('catalog.updates.registerNoRule')
        }
      />
      {isAuthority ? (
        <Form.Item
          name="departmentId"
          label={t('catalog.updates.department')}
          rules={[{ required: true, message: t('catalog.updates.departmentRequired') }]}
        >
          <DepartmentSelect placeholder={t('catalog.updates.departmentPlaceholder')} />
        </Form.Item>
      ) : (
        <Form.Item label={t('catalog.updates.department')}>
          <Typography.Text strong>{info?.user.departmentName}</Typography.Text>
        </Form.Item>
      )}
      <Form.Item
        name="changedOn"
        label={t('catalog.updates.changedOn')}
        extra={t('catalog.updates.changedOnHelp')}
        rules={[
          { required: true, message: t('catalog.updates.changedOnRequired') },
          {
            validator: (_, value?: Dayjs) =>
              value && value.format('YYYY-MM-DD') > today
                ? Promise.reject(new Error(t('catalog.updates.changedOnFuture')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          style={{ width: 200 }}
          disabledDate={(day) => day.format('YYYY-MM-DD') > today}
          maxDate={dayjs(today)}
        />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('catalog.updates.basis')}
        rules={[{ required: true, whitespace: true, message: t('catalog.updates.basisRequired') }]}
      >
        <Input maxLength={500} placeholder={t('catalog.updates.basisPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('catalog.updates.reason')}
        rules={[{ required: true, whitespace: true, message: t('catalog.updates.reasonRequired') }]}
      >
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 6 }}
          placeholder={t('catalog.updates.reasonPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
