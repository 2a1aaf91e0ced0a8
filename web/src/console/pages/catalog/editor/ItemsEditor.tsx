import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tooltip } from 'antd';
import type { FormListFieldData } from 'antd';
import type { Vocabulary } from '../../../../api/catalog.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import { fieldLabel } from '../DiffView.tsx';
import { useCatalogProfile } from '../meta.tsx';
import { blankItem, type ItemRow, type ResourceForm } from './formModel.ts';
import { itemGradeColumns } from './ItemGradeColumns.tsx';

const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const CELL = { margin: 0 };

/**
 * 信息项: an editable table (name, field name, data type, length, decimals, description, sensitivity,
 * level, category, key, required) with rows to add, remove and move. Each cell is a form field named
 * `['items', row, field]`, so the server's `/body/items/<row>/<field>` errors land in their cell.
 */
export function ItemsEditor({ vocabulary }: { vocabulary: Vocabulary }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<ResourceForm>();
  const profile = useCatalogProfile().data;
  const resourceLevel = Form.useWatch('securityLevel', form);
  const label = (field: string) => fieldLabel(t, field, 'item');
  const rowValue = (row: number): ItemRow =>
    (form.getFieldValue(['items', row]) as ItemRow | undefined) ?? {};
  const needsLength = (code: string | undefined) =>
    vocabulary.dataTypes.find((term) => term.code === code)?.needsLength ?? false;
  const typeOptions = vocabulary.dataTypes.map((term) => ({
    value: term.code,
    label: `${term.code} ${term.name?.[lang] ?? ''}`,
    disabled: term.storable === false,
    title: term.storable === false ? t('catalog.item.notStorable') : undefined,
  }));
  const sensitivityOptions = vocabulary.sensitivities.map((term) => ({
    value: term.code,
    label: term.name?.[lang] ?? term.code,
  }));

  return (
    <Card title={t('catalog.section.items')} id="section-items" extra={t('catalog.itemsHelp')}>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, rows: ItemRow[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error(t('catalog.itemsRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <>
            <Table<FormListFieldData>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 1340 }}
              data-testid="items-table"
              columns={[
                { title: '#', key: 'index', width: 40, render: (_: unknown, __, index) => index + 1 },
                {
                  title: label('name'),
                  key: 'name',
                  width: 140,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'name']}
                      style={CELL}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('common.requiredField', { field: label('name') }),
                        },
                      ]}
                    >
                      <Input maxLength={100} placeholder={t('catalog.item.namePlaceholder')} />
                    </Form.Item>
                  ),
                },
                {
                  title: label('fieldName'),
                  key: 'fieldName',
                  width: 140,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'fieldName']}
                      style={CELL}
                      normalize={(value: string | undefined) => value?.trim().toLowerCase()}
                      rules={[
                        { required: true, message: t('common.requiredField', { field: label('fieldName') }) },
                        { pattern: FIELD_NAME, message: t('catalog.item.fieldNameInvalid') },
                        {
                          validator: async (_, value: string | undefined) => {
                            const rows = (form.getFieldValue('items') as ItemRow[] | undefined) ?? [];
                            const first = rows.findIndex((row) => row.fieldName === value);
                            if (value && first >= 0 && first < field.name)
                              throw new Error(t('catalog.item.fieldNameTaken', { row: first + 1 }));
                          },
                        },
                      ]}
                    >
                      <Input maxLength={63} placeholder="id_card_no" style={{ fontFamily: 'monospace' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: label('dataType'),
                  key: 'dataType',
                  width: 130,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'dataType']}
                      style={CELL}
                      rules={[
                        { required: true, message: t('common.requiredSelect', { field: label('dataType') }) },
                      ]}
                    >
                      <Select
                        options={typeOptions}
                        popupMatchSelectWidth={false}
                        showSearch={{ optionFilterProp: 'label' }}
                        onChange={(code: string) => {
                          if (code !== 'N') form.setFieldValue(['items', field.name, 'scale'], null);
                        }}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: label('length'),
                  key: 'length',
                  width: 90,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'length']}
                      style={CELL}
                      dependencies={[['items', field.name, 'dataType']]}
                      rules={[
                        {
                          validator: async (_, value: number | null | undefined) => {
                            if (!value && needsLength(rowValue(field.name).dataType))
                              throw new Error(t('catalog.item.lengthRequired'));
                          },
                        },
                      ]}
                    >
                      <InputNumber min={1} max={10_485_760} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: label('scale'),
                  key: 'scale',
                  width: 80,
                  render: (_: unknown, field) => (
                    <Form.Item noStyle dependencies={[['items', field.name, 'dataType']]}>
                      {() => (
                        <Form.Item
                          name={[field.name, 'scale']}
                          style={CELL}
                          dependencies={[['items', field.name, 'length']]}
                          rules={[
                            {
                              validator: async (_, value: number | null | undefined) => {
                                const length = rowValue(field.name).length;
                                if (value != null && length != null && value > length)
                                  throw new Error(t('catalog.item.scaleTooLarge'));
                              },
                            },
                          ]}
                        >
                          <InputNumber
                            min={0}
                            max={30}
                            precision={0}
                            disabled={rowValue(field.name).dataType !== 'N'}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      )}
                    </Form.Item>
                  ),
                },
                {
                  title: label('description'),
                  key: 'description',
                  width: 160,
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'description']} style={CELL}>
                      <Input maxLength={500} />
                    </Form.Item>
                  ),
                },
                {
                  title: (
                    <Tooltip title={t('catalog.item.allowedValuesHelp')}>{label('allowedValues')}</Tooltip>
                  ),
                  key: 'allowedValues',
                  width: 160,
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'allowedValues']} style={CELL}>
                      <Select
                        mode="tags"
                        tokenSeparators={['；', ';', '、', ',', '，']}
                        open={false}
                        aria-label={label('allowedValues')}
                        placeholder={t('catalog.item.allowedValuesPlaceholder')}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: label('sensitivity'),
                  key: 'sensitivity',
                  width: 110,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'sensitivity']}
                      style={CELL}
                      rules={[
                        {
                          required: true,
                          message: t('common.requiredSelect', { field: label('sensitivity') }),
                        },
                      ]}
                    >
                      <Select
                        options={sensitivityOptions}
                        popupMatchSelectWidth={false}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  ),
                },
                ...itemGradeColumns({ profile, resourceLevel, t, lang }),
                {
                  title: <Tooltip title={t('catalog.item.isKeyHelp')}>{label('isKey')}</Tooltip>,
                  key: 'isKey',
                  width: 56,
                  align: 'center',
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'isKey']}
                      valuePropName="checked"
                      style={CELL}
                      rules={[
                        {
                          validator: async (_, checked: boolean | undefined) => {
                            const rows = (form.getFieldValue('items') as ItemRow[] | undefined) ?? [];
                            const first = rows.findIndex((row) => row.isKey);
                            if (checked && first >= 0 && first < field.name)
                              throw new Error(t('catalog.item.oneKey'));
                          },
                        },
                      ]}
                    >
                      <Checkbox aria-label={label('isKey')} />
                    </Form.Item>
                  ),
                },
                {
                  title: label('required'),
                  key: 'required',
                  width: 68,
                  align: 'center',
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'required']} valuePropName="checked" style={CELL}>
                      <Checkbox aria-label={label('required')} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  fixed: 'right',
                  render: (_: unknown, field, index) => (
                    <Space size={0}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        aria-label={t('catalog.item.moveUp')}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === fields.length - 1}
                        aria-label={t('catalog.item.moveDown')}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('catalog.item.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  ),
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 12 }}
              onClick={() => add(blankItem())}
              data-testid="item-add"
            >
              {t('catalog.item.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
