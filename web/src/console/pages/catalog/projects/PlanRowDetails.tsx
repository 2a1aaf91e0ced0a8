import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Table, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import type { AccessType, CatalogProfile, Vocabulary } from '../../../../api/catalog.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import type { PlanRow } from './planModel.ts';

const CELL = { margin: 0 };

/**
 * The expanded part of a planned resource: its information items (name and data type, rows to add
 * and remove) and the legal bases and note. A basis is marked where the profile asks for one.
 */
export function PlanRowDetails({
  row,
  vocabulary,
  profile,
}: {
  row: number;
  vocabulary: Vocabulary;
  profile: CatalogProfile;
}) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<{ plannedResources: PlanRow[] }>();
  const typeOptions = vocabulary.dataTypes.map((term) => ({
    value: term.code,
    label: `${term.code} ${term.name?.[lang] ?? ''}`,
    disabled: term.storable === false,
    title: term.storable === false ? t('catalog.item.notStorable') : undefined,
  }));
  const needsBasis = (kind: 'share' | 'open') => {
    const type = form.getFieldValue(['plannedResources', row, `${kind}Type`]) as AccessType | undefined;
    return !!type && profile.catalog.legalBasis[kind].types.includes(type);
  };
  const basisItem = (kind: 'share' | 'open') => (
    <Form.Item noStyle dependencies={[['plannedResources', row, `${kind}Type`]]}>
      {() => (
        <Form.Item
          name={[row, `${kind}Basis`]}
          label={t(kind === 'share' ? 'catalog.field.shareBasis' : 'catalog.field.openBasis')}
          required={needsBasis(kind)}
          extra={
            needsBasis(kind)
              ? t('catalog.projects.plan.basisNeeded', {
                  article: profile.catalog.legalBasis[kind].article ?? '',
                })
              : undefined
          }
          style={{ marginBottom: 12 }}
        >
          <Input maxLength={2000} placeholder={t('catalog.projects.plan.basisPlaceholder')} />
        </Form.Item>
      )}
    </Form.Item>
  );

  return (
    <Row gutter={24} style={{ padding: '4px 8px' }}>
      <Col xs={24} xl={13}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('catalog.field.items')}
        </Typography.Text>
        <Form.List name={[row, 'items']}>
          {(fields, { add, remove }) => (
            <>
              <Table<FormListFieldData>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={fields}
                locale={{ emptyText: t('catalog.projects.plan.noItems') }}
                data-testid={`plan-items-${row}`}
                columns={[
                  { title: '#', key: 'index', width: 40, render: (_: unknown, __, index) => index + 1 },
                  {
                    title: t('catalog.item.name'),
                    key: 'name',
                    render: (_: unknown, field) => (
                      <Form.Item name={[field.name, 'name']} style={CELL}>
                        <Input maxLength={100} placeholder={t('catalog.item.namePlaceholder')} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('catalog.item.dataType'),
                    key: 'dataType',
                    width: 160,
                    render: (_: unknown, field) => (
                      <Form.Item name={[field.name, 'dataType']} style={CELL}>
                        <Select
                          allowClear
                          options={typeOptions}
                          popupMatchSelectWidth={false}
                          showSearch={{ optionFilterProp: 'label' }}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '',
                    key: 'actions',
                    width: 44,
                    render: (_: unknown, field) => (
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('catalog.item.remove')}
                        onClick={() => remove(field.name)}
                      />
                    ),
                  },
                ]}
              />
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                style={{ marginTop: 8, marginBottom: 12 }}
                onClick={() => add({})}
                data-testid={`plan-item-add-${row}`}
              >
                {t('catalog.item.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Col>
      <Col xs={24} xl={11}>
        {basisItem('share')}
        {basisItem('open')}
        <Form.Item name={[row, 'note']} label={t('catalog.projects.field.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            placeholder={t('catalog.projects.plan.notePlaceholder')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
