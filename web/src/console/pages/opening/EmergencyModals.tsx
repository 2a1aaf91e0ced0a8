// The dialogs of emergency opening (CQO §27): declare an emergency (name, minimum scope, basis,
// dates), open a dataset under it, and retain a dataset after the end with the government's
// approval. The server's field problems land beside the fields (FormModal).
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../api/client.ts';
import { oversightApi, type EmergencyDetail } from '../../../api/opening-oversight.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { OpenDatasetSelect } from './oversight-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

interface DeclareValues {
  name: string;
  scope: string;
  basis: string;
  period: [Dayjs, Dayjs];
}

/** The dates are one range field; the server names `startsOn` or `endsOn`, shown under the range. */
async function onPeriod<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError({
      status: error.status,
      code: error.code,
      detail: error.detail,
      requestId: error.requestId,
      errors: error.errors.map((problem) =>
        /^\/body\/(startsOn|endsOn)$/.test(problem.path) ? { ...problem, path: '/body/period' } : problem,
      ),
    });
  }
}

/** Declares an emergency for the own region; `onDeclared` opens it. */
export function DeclareModal({
  onClose,
  onDeclared,
}: {
  onClose(): void;
  onDeclared(emergency: EmergencyDetail): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  return (
    <FormModal<DeclareValues>
      name="emergency-declare"
      title={t('oversight.emergency.declareTitle')}
      okText={t('oversight.emergency.declare')}
      width={640}
      fieldNames={['name', 'scope', 'basis', 'period']}
      onClose={onClose}
      onSubmit={async (values) => {
        const [start, end] = values.period;
        const declared = await onPeriod(
          oversightApi.declare({
            name: values.name.trim(),
            scope: values.scope.trim(),
            basis: values.basis.trim(),
            startsOn: start.format('YYYY-MM-DD'),
            endsOn: end.format('YYYY-MM-DD'),
          }),
        );
        message.success(t('oversight.emergency.declared'));
        await refresh();
        onClose();
        onDeclared(declared);
      }}
    >
      {(['name', 'scope', 'basis'] as const).map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t(`oversight.emergency.${field}`)}
          extra={field === 'name' ? undefined : t(`oversight.emergency.${field}Help`)}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t(`oversight.emergency.${field}`) }),
            },
          ]}
        >
          {field === 'name' ? (
            <Input maxLength={200} />
          ) : (
            <Input.TextArea rows={field === 'scope' ? 3 : 2} maxLength={field === 'scope' ? 2000 : 1000} />
          )}
        </Form.Item>
      ))}
      <Form.Item
        name="period"
        label={t('oversight.emergency.period')}
        rules={[{ required: true, message: t('oversight.emergency.periodRequired') }]}
      >
        <DatePicker.RangePicker
          disabledDate={(current: Dayjs) => current.isBefore(dayjs(), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Opens an open dataset of the region under an emergency in force. */
export function OpenUnderModal({ emergency, onClose }: { emergency: EmergencyDetail; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  return (
    <FormModal<{ resourceId: string }>
      name="emergency-open"
      title={t('oversight.emergency.openTitle', { name: emergency.name })}
      okText={t('oversight.emergency.open')}
      fieldNames={['resourceId']}
      onClose={onClose}
      onSubmit={async (values) => {
        await oversightApi.openUnder(emergency.id, values.resourceId);
        message.success(t('oversight.emergency.opened'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="resourceId"
        label={t('oversight.ownFinding.dataset')}
        extra={t('oversight.emergency.openHelp')}
        rules={[
          { required: true, message: t('common.requiredSelect', { field: t('oversight.field.dataset') }) },
        ]}
      >
        <OpenDatasetSelect width="100%" />
      </Form.Item>
    </FormModal>
  );
}

/** Keeps a dataset open after the end, with the government's approval. */
export function RetainModal({
  emergency,
  dataset,
  onClose,
}: {
  emergency: EmergencyDetail;
  dataset: { resourceId: string; name: string };
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  return (
    <FormModal<{ approval: string }>
      name="emergency-retain"
      title={t('oversight.emergency.retainTitle', { name: dataset.name })}
      okText={t('oversight.emergency.retain')}
      fieldNames={['approval']}
      onClose={onClose}
      onSubmit={async (values) => {
        await oversightApi.dispose(emergency.id, dataset.resourceId, {
          disposition: 'retain',
          approval: values.approval.trim(),
        });
        message.success(t('oversight.emergency.retained'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="approval"
        label={t('oversight.emergency.approval')}
        extra={t('oversight.emergency.approvalHelp')}
        rules={[{ required: true, whitespace: true, message: t('oversight.emergency.approvalRequired') }]}
      >
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
