import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { poolKeys, poolsApi, type PoolColumn } from '../../../api/pools.ts';
import {
  encryptionApi,
  encryptionKey,
  type EncryptColumnInput,
  type EncryptedColumn,
} from '../../../api/security-encryption.ts';
import { useSession } from '../../../auth/session.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { errorText, placeRefusal } from '../../../lib/problems.ts';
import { useCatalogLabels, useResource } from '../catalog/meta.tsx';

/** The body fields whose refusals show beside the form's fields. */
const FIELDS = ['resourceId', 'field'] as const;
const SENSITIVITY_COLOR: Record<string, string> = {
  general: 'default',
  personal: 'orange',
  sensitive: 'red',
};

/**
 * 加密信息项: the officer picks one of the department's pool tables, then one of its items (each with
 * its type, sensitivity and whether it is the key or already encrypted). What the page can tell from
 * the table (key item, not character, already encrypted) is refused before sending; the server's
 * refusals (a general item, a table waiting for a migration, …) show beside the field they name.
 */
export function EncryptColumnForm({ encrypted }: { encrypted: readonly EncryptedColumn[] }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  const { info } = useSession();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EncryptColumnInput>();
  // A refusal that names no field of the form (e.g. another department's table).
  const [problem, setProblem] = useState<string | null>(null);
  const resourceId = Form.useWatch('resourceId', form);
  const department = info?.user.departmentId ?? null;
  const tables = useQuery({ queryKey: poolKeys.tables, queryFn: ({ signal }) => poolsApi.tables(signal) });
  const detail = useQuery({
    queryKey: poolKeys.table(resourceId ?? ''),
    queryFn: ({ signal }) => poolsApi.table(resourceId!, signal),
    enabled: Boolean(resourceId),
  });
  // The item's sensitivity is in the catalog entry; the pool table knows types and keys only.
  const items = useResource(resourceId).data?.published?.items ?? [];
  const sensitivityOf = (field: string) => items.find((item) => item.fieldName === field)?.sensitivity;
  const own = (tables.data ?? []).filter((row) => department === null || row.departmentId === department);
  const columns = resourceId && detail.data?.resourceId === resourceId ? detail.data.columns : [];
  const live = columns.filter((column) => !column.retired);
  const isEncrypted = (field: string) =>
    encrypted.some((row) => row.resourceId === resourceId && row.field === field);

  /** Why the page already knows the item cannot be encrypted, or null. */
  const obstacle = (column: PoolColumn): string | null => {
    if (isEncrypted(column.field)) return t('encryption.why.encrypted', { item: column.name });
    if (column.isKey) return t('encryption.why.key', { item: column.name });
    if (column.dataType !== 'C')
      return t('encryption.why.type', { item: column.name, type: labels.term('dataTypes', column.dataType) });
    return null;
  };

  const enable = useMutation({
    mutationFn: (values: EncryptColumnInput) => encryptionApi.encrypt(values),
    onSuccess: (_, values) => {
      const name = live.find((column) => column.field === values.field)?.name ?? values.field;
      void message.success(t('encryption.enabled', { field: name }));
      form.resetFields();
      setProblem(null);
      void client.invalidateQueries({ queryKey: encryptionKey });
      void client.invalidateQueries({ queryKey: poolKeys.table(values.resourceId) });
    },
    onError: (error) => {
      setProblem(placeRefusal(form, error, FIELDS, t));
    },
  });

  const confirm = (values: EncryptColumnInput) => {
    const table = own.find((row) => row.resourceId === values.resourceId);
    const item = live.find((column) => column.field === values.field);
    modal.confirm({
      title: t('encryption.enableConfirmTitle', { item: item?.name ?? values.field }),
      content: (
        <>
          <Typography.Paragraph>
            {t('encryption.enableConfirmWhat', { resource: table?.name ?? '', item: item?.name ?? '' })}
          </Typography.Paragraph>
          <Typography.Paragraph type="warning">{t('encryption.enableConfirm')}</Typography.Paragraph>
        </>
      ),
      okText: t('encryption.enable'),
      onOk: () => enable.mutate(values),
    });
  };

  return (
    <Card title={t('encryption.enable')} data-testid="encrypt-form">
      <Typography.Paragraph type="secondary">{t('encryption.enableHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={confirm}
        onValuesChange={(changed: Partial<EncryptColumnInput>) => {
          setProblem(null);
          if ('resourceId' in changed) form.setFieldValue('field', undefined);
        }}
      >
        <Form.Item
          name="resourceId"
          label={t('encryption.pickTable')}
          rules={[{ required: true, message: t('encryption.pickTableRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('encryption.pickTablePlaceholder')}
            loading={tables.isLoading}
            notFoundContent={tables.isError ? errorText(tables.error, t) : undefined}
            options={own.map((row) => ({
              value: row.resourceId,
              label: `${row.name}（${row.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="field"
          label={t('encryption.pickItem')}
          rules={[
            { required: true, message: t('encryption.pickItemRequired') },
            {
              validator: async (_, field: string | undefined) => {
                const column = live.find((c) => c.field === field);
                const why = column ? obstacle(column) : null;
                if (why) throw new Error(why);
              },
            },
          ]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!resourceId}
            loading={detail.isLoading}
            placeholder={t(resourceId ? 'encryption.pickItemPlaceholder' : 'encryption.pickTableFirst')}
            notFoundContent={detail.isError ? errorText(detail.error, t) : undefined}
            options={live.map((column) => ({
              value: column.field,
              label: `${column.name}（${column.field}）`,
            }))}
            optionRender={(option) => {
              const column = live.find((c) => c.field === option.value);
              const sensitivity = column ? sensitivityOf(column.field) : undefined;
              return (
                <Flex justify="space-between" gap={8}>
                  <span>{option.label}</span>
                  {column && (
                    <span>
                      <Tag>{labels.term('dataTypes', column.dataType)}</Tag>
                      {sensitivity && (
                        <Tag color={SENSITIVITY_COLOR[sensitivity]}>
                          {labels.term('sensitivities', sensitivity)}
                        </Tag>
                      )}
                      {column.isKey && <Tag color="blue">{t('encryption.tag.key')}</Tag>}
                      {isEncrypted(column.field) && <Tag color="green">{t('encryption.tag.encrypted')}</Tag>}
                    </span>
                  )}
                </Flex>
              );
            }}
          />
        </Form.Item>
        {problem && (
          <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 16 }} />
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={enable.isPending}>
            {t('encryption.enable')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
