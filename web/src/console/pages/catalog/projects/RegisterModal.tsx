import { useQueryClient } from '@tanstack/react-query';
import { App, Alert, Form, Input, InputNumber, Radio } from 'antd';
import { useNavigate } from 'react-router';
import {
  PROJECT_KINDS,
  projectKeys,
  projectsApi,
  type ProjectKind,
} from '../../../../api/catalog-projects.ts';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { invalidateCatalog } from '../meta.tsx';

interface RegisterForm {
  code: string;
  name: string;
  kind: ProjectKind;
  budget?: number | null;
  description?: string;
}

const FIELDS = ['code', 'name', 'kind', 'budget', 'description'] as const;

/**
 * 登记项目: a department officer registers an IT project of their department (code, name, kind,
 * budget, description), then goes on to its page to pre-compile the catalog.
 */
export function RegisterModal({ departmentName, onClose }: { departmentName: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  return (
    <FormModal<RegisterForm>
      name="project"
      title={t('catalog.projects.register.title')}
      okText={t('catalog.projects.register.ok')}
      width={620}
      fieldNames={FIELDS}
      initialValues={{ kind: 'construction' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await projectsApi.register({
          code: values.code.trim(),
          name: values.name.trim(),
          kind: values.kind,
          budget: values.budget ?? null,
          ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        });
        queryClient.setQueryData(projectKeys.detail(created.id), created);
        await invalidateCatalog(queryClient);
        message.success(t('catalog.projects.register.done', { code: created.code }));
        onClose();
        navigate(`/console/catalog/projects/${created.id}`);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('catalog.projects.register.hint', { department: departmentName })}
      />
      <Form.Item
        name="code"
        label={t('catalog.projects.field.code')}
        extra={t('catalog.projects.field.codeHelp')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('catalog.projects.field.code') }),
          },
          { max: 64, message: t('catalog.projects.tooLong', { max: 64 }) },
        ]}
      >
        <Input maxLength={64} placeholder="2025-500000-65-01-000001" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('catalog.projects.field.name')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('catalog.projects.field.name') }),
          },
          { max: 200, message: t('catalog.projects.tooLong', { max: 200 }) },
        ]}
      >
        <Input maxLength={200} placeholder={t('catalog.projects.field.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('catalog.projects.field.kind')}
        extra={t('catalog.projects.field.kindHelp')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', { field: t('catalog.projects.field.kind') }),
          },
        ]}
      >
        <Radio.Group
          optionType="button"
          options={PROJECT_KINDS.map((kind) => ({ value: kind, label: t(`catalog.projects.kind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="budget" label={t('catalog.projects.field.budget')}>
        <InputNumber
          min={0}
          max={99_999_999_999_999}
          precision={2}
          style={{ width: 240 }}
          suffix={t('catalog.projects.yuan')}
          placeholder={t('common.optional')}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('catalog.projects.field.description')}
        rules={[{ max: 4000, message: t('catalog.projects.tooLong', { max: 4000 }) }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={4000}
          showCount
          placeholder={t('catalog.projects.field.descriptionPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
