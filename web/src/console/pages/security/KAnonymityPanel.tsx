import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, InputNumber, Select, Table } from 'antd';
import { maskingApi, type KAnonymityResult, type MaskingItem } from '../../../api/security-masking.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';

const cell = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/** The k-anonymity check (k-匿名检查) of the masked extract on quasi-identifiers the officer picks. */
export function KAnonymityPanel({ resourceId, items }: { resourceId: string; items: MaskingItem[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ k: number; quasiIdentifiers: string[] }>();
  const check = useMutation({
    mutationFn: (values: { k: number; quasiIdentifiers: string[] }) =>
      maskingApi.kAnonymity(resourceId, values.k, values.quasiIdentifiers),
  });
  const result: KAnonymityResult | undefined = check.data;
  // The columns of the result follow the check that made it, not the form as edited since.
  const quasi = check.variables?.quasiIdentifiers ?? [];
  const keys = items.filter((i) => i.isKey).map((i) => i.fieldName);
  return (
    <Card title={t('masking.k.title')} style={{ marginTop: 16 }} data-testid="k-anonymity">
      <Form
        form={form}
        name="kanon"
        layout="inline"
        initialValues={{ k: 5 }}
        onFinish={(values) => check.mutate(values)}
      >
        <Form.Item name="k" label="k" rules={[{ required: true }]}>
          <InputNumber min={2} max={1000} />
        </Form.Item>
        <Form.Item
          name="quasiIdentifiers"
          label={t('masking.k.quasi')}
          rules={[{ required: true, message: t('masking.k.quasiRequired') }]}
          style={{ minWidth: 360 }}
        >
          <Select
            mode="multiple"
            // Typing an item's name finds it (the values are field names).
            optionFilterProp="label"
            options={items.filter((i) => i.stored).map((i) => ({ value: i.fieldName, label: i.name }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="k-run">
          {t('masking.k.run')}
        </Button>
      </Form>
      {check.isError && <Alert type="error" style={{ marginTop: 16 }} message={errorText(check.error, t)} />}
      {result && (
        <Flex vertical gap={12} style={{ marginTop: 16 }}>
          <Alert
            type={result.releasable ? 'success' : 'warning'}
            showIcon
            message={
              result.releasable
                ? t('masking.k.releasable', { k: result.k })
                : t('masking.k.notReleasable', { k: result.k })
            }
          />
          <Descriptions size="small" column={4}>
            <Descriptions.Item label={t('masking.k.rows')}>{result.rows}</Descriptions.Item>
            <Descriptions.Item label={t('masking.k.classes')}>{result.classes}</Descriptions.Item>
            <Descriptions.Item label={t('masking.k.smallest')}>
              {cell(result.smallestClass)}
            </Descriptions.Item>
            <Descriptions.Item label={t('masking.k.breaking')}>{result.breakingRows}</Descriptions.Item>
          </Descriptions>
          {result.examples.length > 0 && (
            <Table
              data-testid="k-breaking-rows"
              size="small"
              rowKey="row"
              pagination={{ pageSize: 10 }}
              dataSource={result.examples}
              columns={[
                { title: t('masking.k.row'), dataIndex: 'row' },
                ...keys.map((key) => ({
                  title: items.find((i) => i.fieldName === key)?.name ?? key,
                  render: (_: unknown, row: KAnonymityResult['examples'][number]) => cell(row.key[key]),
                })),
                ...quasi.map((field) => ({
                  title: items.find((i) => i.fieldName === field)?.name ?? field,
                  render: (_: unknown, row: KAnonymityResult['examples'][number]) => cell(row.values[field]),
                })),
                { title: t('masking.k.classSize'), dataIndex: 'classSize' },
              ]}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
