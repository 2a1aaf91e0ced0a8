import { Card, Cascader, Col, DatePicker, Form, Input, Row, Select, Tag, Typography } from 'antd';
import type { ClassNode, ClassRef, Vocabulary } from '../../../../api/catalog.ts';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { useI18n, type MessageKey } from '../../../../i18n/index.tsx';
import { fieldLabel } from '../DiffView.tsx';
import type { ResourceForm } from './formModel.ts';

// Typing part of a name narrows a list.
const SEARCH = { optionFilterProp: 'label' };

const LEVELS: MessageKey[] = ['catalog.level.1', 'catalog.level.2', 'catalog.level.3', 'catalog.level.4'];

/** The class a cascader path ends in. */
export function classAt(classes: readonly ClassRef[], path: string[] | undefined): ClassRef | undefined {
  const id = path?.[path.length - 1];
  return id ? classes.find((cls) => cls.id === id) : undefined;
}

/** 基本信息: classification, name, code, abstract, keywords, formats, update cycle, time, contact. */
export function BasicSection({
  vocabulary,
  classes,
  tree,
  code,
  chooseDepartment,
  departmentName,
  onClassChange,
}: {
  vocabulary: Vocabulary;
  classes: readonly ClassRef[];
  tree: ClassNode[];
  /** The resource's code once it exists (then it cannot change). */
  code: string | null;
  /** An authority compiles for a department of its region: it picks which. */
  chooseDepartment: boolean;
  departmentName?: string;
  onClassChange(cls: ClassRef | undefined): void;
}) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<ResourceForm>();
  const f = (field: string) => fieldLabel(t, field);
  const optional = (field: string) => `${f(field)}（${t('common.optional')}）`;
  const required = (field: string, select = false) => ({
    required: true,
    whitespace: !select,
    message: t(select ? 'common.requiredSelect' : 'common.requiredField', { field: f(field) }),
  });
  const options = (list: keyof Omit<Vocabulary, 'resourceCode'>) =>
    vocabulary[list].map((term) => ({ value: term.code, label: term.name?.[lang] ?? term.code }));
  const codePattern = new RegExp(vocabulary.resourceCode.pattern);

  return (
    <Card title={t('catalog.section.basic')} id="section-basic">
      <Row gutter={16}>
        {chooseDepartment && (
          <Col xs={24} md={12}>
            <Form.Item
              name="departmentId"
              label={f('provider')}
              extra={t('catalog.providerHelp')}
              rules={[required('provider', true)]}
            >
              <DepartmentSelect initialLabel={departmentName} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item
            name="classPath"
            label={f('class')}
            extra={t('catalog.classHelp')}
            rules={[
              { required: true, message: t('common.requiredSelect', { field: f('class') }) },
              {
                validator: async (_, path: string[] | undefined) => {
                  if (path && path.length > 0 && path.length < 2) throw new Error(t('catalog.classTooBroad'));
                },
              },
            ]}
          >
            <Cascader<ClassNode>
              options={tree}
              changeOnSelect
              showSearch
              placeholder={t('catalog.classPlaceholder')}
              displayRender={(labels) => labels.join(' / ')}
              optionRender={(option) => (
                <span>
                  <Tag style={{ marginInlineEnd: 6 }}>
                    {t(LEVELS[option.cls.path.length - 1] ?? LEVELS[3]!)}
                  </Tag>
                  {option.label}
                </span>
              )}
              onChange={(path) => onClassChange(classAt(classes, path as string[] | undefined))}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="name" label={f('name')} rules={[required('name')]}>
            <Input maxLength={200} showCount placeholder={t('catalog.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          {code ? (
            <Form.Item label={f('code')} extra={t('catalog.codeFixed')}>
              <Typography.Text code style={{ fontSize: 15 }} data-testid="resource-code">
                {code}
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="code"
              label={optional('code')}
              extra={t('catalog.codeHelp', { example: vocabulary.resourceCode.example })}
              dependencies={['classPath']}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    const given = value?.trim();
                    if (!given) return;
                    if (!codePattern.test(given))
                      throw new Error(t('catalog.codeFormat', { example: vocabulary.resourceCode.example }));
                    const cls = classAt(classes, form.getFieldValue('classPath') as string[] | undefined);
                    if (cls && given.split('/')[0] !== cls.code)
                      throw new Error(t('catalog.codeClassMismatch', { classCode: cls.code }));
                  },
                },
              ]}
            >
              <Input
                maxLength={64}
                placeholder={vocabulary.resourceCode.example}
                style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24}>
          <Form.Item name="abstract" label={f('abstract')} rules={[required('abstract')]}>
            <Input.TextArea
              maxLength={4000}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('catalog.abstractPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="keywords" label={optional('keywords')} extra={t('catalog.keywordsHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} open={false} maxCount={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="relatedCodes" label={optional('relatedCodes')} extra={t('catalog.relatedHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="formatType" label={f('formatType')} rules={[required('formatType', true)]}>
            <Select options={options('formatTypes')} placeholder={t('catalog.choose')} showSearch={SEARCH} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="formats" label={optional('formats')}>
            <Select
              mode="multiple"
              options={options('fileFormats')}
              placeholder={t('catalog.choose')}
              showSearch={SEARCH}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="updateCycle" label={f('updateCycle')} rules={[required('updateCycle', true)]}>
            <Select options={options('updateCycles')} placeholder={t('catalog.choose')} showSearch={SEARCH} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item noStyle dependencies={['updateCycle']}>
            {({ getFieldValue }) =>
              getFieldValue('updateCycle') === 'other' && (
                <Form.Item
                  name="updateCycleNote"
                  label={f('updateCycleNote')}
                  rules={[required('updateCycleNote')]}
                >
                  <Input maxLength={200} placeholder={t('catalog.updateCycleNotePlaceholder')} />
                </Form.Item>
              )
            }
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="temporal"
            label={`${t('catalog.field.temporal')}（${t('common.optional')}）`}
            rules={[
              {
                validator: async (_, range: ResourceForm['temporal']) => {
                  if (range?.[0] && range[1] && range[1].isBefore(range[0], 'day'))
                    throw new Error(t('catalog.temporalOrder'));
                },
              },
            ]}
          >
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactName" label={optional('contactName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={optional('contactPhone')}
            rules={[{ pattern: /^[0-9+()\- ]*$/, message: t('catalog.phoneInvalid') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactEmail"
            label={optional('contactEmail')}
            rules={[{ type: 'email', message: t('catalog.emailInvalid') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
