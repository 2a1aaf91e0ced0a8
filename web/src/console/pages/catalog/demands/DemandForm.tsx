import { Form, Input } from 'antd';
import type { DemandDetail, DemandInput } from '../../../../api/catalog-demands.ts';
import { api } from '../../../../api/client.ts';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';

const FIELDS = ['title', 'description', 'wantedItems', 'purpose', 'basis', 'suggestedProviderId'] as const;

/** Trims the texts and leaves out the optional ones left empty (the server refuses blank text). */
function toBody(values: DemandInput): DemandInput {
  const wantedItems = values.wantedItems?.trim();
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    purpose: values.purpose.trim(),
    basis: values.basis.trim(),
    ...(wantedItems ? { wantedItems } : {}),
    ...(values.suggestedProviderId ? { suggestedProviderId: values.suggestedProviderId } : {}),
  };
}

/**
 * 提出需求: a department files a demand for data it needs (CQ19 §12). The basis is required; the
 * server searches the published catalog for candidates and answers with the new demand.
 */
export function DemandForm({
  ownDepartmentId,
  onFiled,
  onClose,
}: {
  ownDepartmentId?: string;
  onFiled(demand: DemandDetail): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.requiredField', { field }),
  });
  return (
    <FormModal<DemandInput>
      name="demand"
      title={t('catalog.demands.form.title')}
      okText={t('catalog.demands.form.submit')}
      width={680}
      fieldNames={FIELDS}
      onSubmit={async (values) => onFiled(await api.post<DemandDetail>('/catalog/demands', toBody(values)))}
      onClose={onClose}
    >
      <Form.Item
        name="title"
        label={t('catalog.demands.field.title')}
        rules={[required(t('catalog.demands.field.title'))]}
      >
        <Input maxLength={200} placeholder={t('catalog.demands.form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('catalog.demands.field.description')}
        extra={t('catalog.demands.form.descriptionHelp')}
        rules={[required(t('catalog.demands.field.description'))]}
      >
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        name="wantedItems"
        label={t('catalog.demands.field.wantedItems')}
        extra={t('catalog.demands.form.wantedItemsHelp')}
      >
        <Input.TextArea
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('catalog.demands.form.wantedItemsPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('catalog.demands.field.purpose')}
        rules={[required(t('catalog.demands.field.purpose'))]}
      >
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('catalog.demands.form.purposePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('catalog.demands.field.basis')}
        extra={t('catalog.demands.form.basisHelp')}
        rules={[required(t('catalog.demands.field.basis'))]}
      >
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('catalog.demands.form.basisPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="suggestedProviderId"
        label={t('catalog.demands.field.suggestedProvider')}
        extra={t('catalog.demands.form.suggestedProviderHelp')}
      >
        <DepartmentSelect excludeId={ownDepartmentId} placeholder={t('common.optional')} />
      </Form.Item>
    </FormModal>
  );
}
