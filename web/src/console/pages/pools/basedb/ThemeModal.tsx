import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Space, Typography, type FormInstance } from 'antd';
import { ApiError } from '../../../../api/client.ts';
import {
  BASE_CODES,
  baseDbApi,
  baseDbKeys,
  type BaseCode,
  type ThemeTableRef,
} from '../../../../api/pools-basedb.ts';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { usePoolTables } from './SourceModal.tsx';

interface ThemeForm {
  code: string;
  name: string;
  description?: string;
  driving: string;
  joins?: { table: string; field: string; on: string }[];
  columns: { table: number; field: string; as?: string }[];
}

const FIELDS = ['code', 'name', 'description', 'driving', 'joins', 'columns'] as const;

// A table choice is `base:<code>` or `resource:<id>` in the select.
const refOf = (value: string): ThemeTableRef =>
  value.startsWith('base:') ? { base: value.slice(5) as BaseCode } : { resourceId: value.slice(9) };

/** Puts the server's nested field problems (`/body/joins/0/field`) beside the list fields. */
function placeNested(form: FormInstance<ThemeForm>, error: unknown) {
  if (!(error instanceof ApiError)) return;
  for (const problem of error.errors) {
    const match = /^\/body\/(joins|columns)\/(\d+)\/(\w+)$/.exec(problem.path);
    if (!match) continue;
    const name = match[3] === 'resourceId' || match[3] === 'base' ? 'table' : match[3]!;
    // The path comes from the server, so the form's typed names cannot be checked here.
    form.setFields([{ name: [match[1]!, Number(match[2]), name] as never, errors: [problem.message] }]);
  }
}

/** 声明主题库: code, name, a driving table, tables joined on a key, the columns to show. */
export function ThemeModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <FormModal<ThemeForm>
      name="theme"
      width={760}
      title={t('pools.basedb.themes.declare.title')}
      fieldNames={FIELDS}
      initialValues={{ driving: 'base:population', joins: [], columns: [{ table: 0, field: '' }] }}
      onClose={onClose}
      onSubmit={async (values, form) => {
        try {
          const created = await baseDbApi.declare({
            code: values.code.trim(),
            name: values.name.trim(),
            ...(values.description?.trim() ? { description: values.description.trim() } : {}),
            driving: refOf(values.driving),
            joins: (values.joins ?? []).map((join) => ({
              ...refOf(join.table),
              field: join.field.trim(),
              on: join.on.trim(),
            })),
            columns: values.columns.map((column) => ({
              table: column.table,
              field: column.field.trim(),
              ...(column.as?.trim() ? { as: column.as.trim() } : {}),
            })),
          });
          await queryClient.invalidateQueries({ queryKey: baseDbKeys.themes });
          message.success(t('pools.basedb.themes.declare.done', { code: created.code }));
          onClose();
        } catch (error) {
          placeNested(form, error);
          throw error;
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('pools.basedb.themes.declare.hint')}
      />
      <ThemeFields />
    </FormModal>
  );
}

function ThemeFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance<ThemeForm>();
  const tables = usePoolTables();
  const joins = Form.useWatch('joins', form) ?? [];
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.requiredField', { field }) },
  ];
  const tableOptions = [
    {
      label: t('pools.basedb.tab.bases'),
      options: BASE_CODES.map((code) => ({ value: `base:${code}`, label: t(`pools.basedb.base.${code}`) })),
    },
    {
      label: t('pools.basedb.resourceGroup'),
      options: (tables.data ?? []).map((table) => ({
        value: `resource:${table.resourceId}`,
        label: `${table.name}（${table.departmentName}）`,
      })),
    },
  ];
  const indexOptions = [
    { value: 0, label: t('pools.basedb.themes.tableIndex.driving') },
    ...joins.map((_, index) => ({
      value: index + 1,
      label: t('pools.basedb.themes.tableIndex.join', { n: index + 1 }),
    })),
  ];
  return (
    <>
      <Space.Compact block>
        <Form.Item
          name="code"
          label={t('pools.basedb.themes.code')}
          style={{ width: '40%' }}
          rules={[
            ...required(t('pools.basedb.themes.code')),
            { pattern: /^[a-z][a-z0-9_]{0,62}$/, message: t('pools.basedb.field.fieldNamePattern') },
          ]}
        >
          <Input maxLength={63} placeholder="elderly_care" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('pools.basedb.themes.name')}
          style={{ width: '60%' }}
          rules={required(t('pools.basedb.themes.name'))}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="description" label={t('pools.basedb.themes.descriptionField')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Form.Item
        name="driving"
        label={t('pools.basedb.themes.driving')}
        rules={required(t('pools.basedb.themes.driving'))}
      >
        <Select showSearch optionFilterProp="label" options={tableOptions} />
      </Form.Item>
      <Typography.Text strong>{t('pools.basedb.themes.joins')}</Typography.Text>
      <Form.List name="joins">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item
                  name={[field.name, 'table']}
                  rules={required(t('pools.basedb.themes.join.table'))}
                  style={{ width: 260 }}
                >
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('pools.basedb.pickTable')}
                    options={tableOptions}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'field']} rules={required(t('pools.basedb.themes.join.field'))}>
                  <Input placeholder={t('pools.basedb.themes.join.field')} />
                </Form.Item>
                <Form.Item name={[field.name, 'on']} rules={required(t('pools.basedb.themes.join.on'))}>
                  <Input placeholder={t('pools.basedb.themes.join.on')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ table: undefined, field: '', on: '' })}
              style={{ margin: '8px 0 16px' }}
            >
              {t('pools.basedb.themes.addJoin')}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Typography.Text strong>{t('pools.basedb.themes.columns')}</Typography.Text>
      </div>
      <Form.List name="columns">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item name={[field.name, 'table']} style={{ width: 160 }}>
                  <Select options={indexOptions} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'field']}
                  rules={required(t('pools.basedb.themes.column.field'))}
                >
                  <Input placeholder={t('pools.basedb.themes.column.field')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'as']}
                  rules={[
                    { pattern: /^[a-z][a-z0-9_]{0,62}$/, message: t('pools.basedb.field.fieldNamePattern') },
                  ]}
                >
                  <Input placeholder={t('pools.basedb.themes.column.as')} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ table: 0, field: '' })}
              style={{ marginTop: 8 }}
            >
              {t('pools.basedb.themes.addColumn')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
