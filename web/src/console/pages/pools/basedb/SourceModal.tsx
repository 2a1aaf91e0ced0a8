import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import {
  BASE_CODES,
  baseDbApi,
  baseDbKeys,
  poolTablesApi,
  type BaseCode,
  type BaseSource,
} from '../../../../api/pools-basedb.ts';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';

interface SourceForm {
  baseDatabase: BaseCode;
  resourceId: string;
  sourceField: string;
  itemName?: string;
  fieldName?: string;
}

const FIELDS = ['baseDatabase', 'resourceId', 'sourceField', 'itemName', 'fieldName'] as const;

/** The pool tables the user may see, for pickers. */
export function usePoolTables() {
  return useQuery({ queryKey: ['pools', 'tables'], queryFn: poolTablesApi.list });
}

/**
 * 指定来源 / 更换来源: the base item (base database, name, field) and its source, a column of a
 * pool table. When changing, the item stays and only the source (or the name) changes.
 */
export function SourceModal({ source, onClose }: { source: BaseSource | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  return (
    <FormModal<SourceForm>
      name="basedbSource"
      title={
        source ? t('pools.basedb.change.title', { item: source.itemName }) : t('pools.basedb.assign.title')
      }
      fieldNames={FIELDS}
      initialValues={
        source
          ? { ...source, itemName: source.itemName, fieldName: source.fieldName }
          : { baseDatabase: 'population' }
      }
      onClose={onClose}
      onSubmit={async (values) => {
        const itemName = values.itemName?.trim() || undefined;
        const saved = source
          ? await baseDbApi.change(source.id, {
              resourceId: values.resourceId,
              sourceField: values.sourceField,
              itemName,
            })
          : await baseDbApi.assign({
              baseDatabase: values.baseDatabase,
              resourceId: values.resourceId,
              sourceField: values.sourceField,
              itemName,
              fieldName: values.fieldName?.trim() || undefined,
            });
        await queryClient.invalidateQueries({ queryKey: baseDbKeys.all });
        message.success(
          t(source ? 'pools.basedb.change.done' : 'pools.basedb.assign.done', { item: saved.itemName }),
        );
        onClose();
      }}
    >
      <SourceFields changing={!!source} />
    </FormModal>
  );
}

/** The form's fields; the source item's choices follow the chosen resource. */
function SourceFields({ changing }: { changing: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<SourceForm>();
  const tables = usePoolTables();
  const resourceId = Form.useWatch('resourceId', form);
  const columns = useQuery({
    queryKey: ['pools', 'tables', resourceId],
    queryFn: () => poolTablesApi.detail(resourceId!),
    enabled: !!resourceId,
  });
  const required = (field: string) => [{ required: true, message: t('pools.basedb.required', { field }) }];
  return (
    <>
      <Form.Item
        name="baseDatabase"
        label={t('pools.basedb.field.base')}
        rules={required(t('pools.basedb.field.base'))}
      >
        <Select
          disabled={changing}
          options={BASE_CODES.map((code) => ({ value: code, label: t(`pools.basedb.base.${code}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="resourceId"
        label={t('pools.basedb.field.resource')}
        rules={required(t('pools.basedb.field.resource'))}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={tables.isFetching}
          onChange={() => form.setFieldValue('sourceField', undefined)}
          options={(tables.data ?? []).map((table) => ({
            value: table.resourceId,
            label: `${table.name}（${table.departmentName}，${table.code}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="sourceField"
        label={t('pools.basedb.field.sourceField')}
        rules={required(t('pools.basedb.field.sourceField'))}
      >
        <Select
          loading={columns.isFetching}
          disabled={!resourceId}
          options={(columns.data?.columns ?? [])
            .filter((column) => !column.isKey && !column.retired)
            .map((column) => ({ value: column.field, label: `${column.name}（${column.field}）` }))}
        />
      </Form.Item>
      <Form.Item
        name="itemName"
        label={t('pools.basedb.field.itemName')}
        extra={t('pools.basedb.field.itemNameHelp')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="fieldName"
        label={t('pools.basedb.field.fieldName')}
        extra={t('pools.basedb.field.fieldNameHelp')}
        rules={[{ pattern: /^[a-z][a-z0-9_]{0,62}$/, message: t('pools.basedb.field.fieldNamePattern') }]}
      >
        <Input maxLength={63} disabled={changing} />
      </Form.Item>
    </>
  );
}
