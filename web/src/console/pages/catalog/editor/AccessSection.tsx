import { Alert, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import {
  ACCESS_TYPES,
  type AccessType,
  type CatalogProfile,
  type Vocabulary,
} from '../../../../api/catalog.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import { fieldLabel } from '../DiffView.tsx';

/** Whether the profile asks a legal basis for this share or open type. */
export function needsBasisFor(profile: CatalogProfile) {
  return (kind: 'share' | 'open', type: AccessType | undefined) =>
    type !== undefined && profile.catalog.legalBasis[kind].types.includes(type);
}

/**
 * 共享属性 or 开放属性: the type (the profile's category names), its condition when conditional, the
 * methods unless none, and the legal basis when the profile asks for one (with the article).
 */
function AccessCard({
  kind,
  profile,
  vocabulary,
  baseClass,
}: {
  kind: 'share' | 'open';
  profile: CatalogProfile;
  vocabulary: Vocabulary;
  baseClass: boolean;
}) {
  const { t, lang } = useI18n();
  const f = (field: string) => fieldLabel(t, `${kind}${field}`);
  const needsBasis = needsBasisFor(profile);
  const categories = profile.categories[kind];
  const baseRule = profile.catalog.baseResourcesUnconditionallyShared;
  const onlyUnconditional = kind === 'share' && baseClass && baseRule.required;
  const methods = (kind === 'share' ? vocabulary.shareMethods : vocabulary.openMethods).map((term) => ({
    value: term.code,
    label: term.name?.[lang] ?? term.code,
  }));
  const basisRule = profile.catalog.legalBasis[kind];

  return (
    <Card
      title={t(kind === 'share' ? 'catalog.section.share' : 'catalog.section.open')}
      id={`section-${kind}`}
      extra={t('catalog.categoryArticle', { article: categories.article })}
    >
      {onlyUnconditional && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.baseOnlyUnconditional', {
            type: categories.unconditional[lang],
            article: baseRule.article ?? '',
          })}
          data-testid="base-class-note"
        />
      )}
      <Form.Item
        name={`${kind}Type`}
        label={f('Type')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: f('Type') }) }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid={`${kind}-type`}
          options={ACCESS_TYPES.map((type) => ({
            value: type,
            label: categories[type][lang],
            disabled: onlyUnconditional && type !== 'unconditional',
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[`${kind}Type`]}>
        {({ getFieldValue }) => {
          const type = getFieldValue(`${kind}Type`) as AccessType | undefined;
          const typeName = type ? categories[type][lang] : '';
          return (
            <Row gutter={16}>
              {type === 'conditional' && (
                <Col xs={24}>
                  <Form.Item
                    name={`${kind}Condition`}
                    label={f('Condition')}
                    extra={t(kind === 'share' ? 'catalog.shareConditionHelp' : 'catalog.openConditionHelp')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.requiredField', { field: f('Condition') }),
                      },
                    ]}
                  >
                    <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                </Col>
              )}
              {type !== undefined && type !== 'none' && (
                <Col xs={24}>
                  <Form.Item
                    name={`${kind}Methods`}
                    label={f('Methods')}
                    rules={[
                      {
                        required: true,
                        type: 'array',
                        min: 1,
                        message: t('common.requiredSelect', { field: f('Methods') }),
                      },
                    ]}
                  >
                    <Checkbox.Group options={methods} />
                  </Form.Item>
                </Col>
              )}
              {needsBasis(kind, type) && (
                <Col xs={24}>
                  <Form.Item
                    name={`${kind}Basis`}
                    label={f('Basis')}
                    extra={t('catalog.basisHelp', { type: typeName, article: basisRule.article ?? '' })}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('catalog.basisRequired', {
                          type: typeName,
                          article: basisRule.article ?? '',
                        }),
                      },
                    ]}
                  >
                    <Input.TextArea
                      maxLength={2000}
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      placeholder={t('catalog.basisPlaceholder')}
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
          );
        }}
      </Form.Item>
    </Card>
  );
}

/** 共享属性, 开放属性, then 安全级别 and 使用要求. */
export function AccessSection({
  profile,
  vocabulary,
  baseClass,
}: {
  profile: CatalogProfile;
  vocabulary: Vocabulary;
  baseClass: boolean;
}) {
  const { t, lang } = useI18n();
  const f = (field: string) => fieldLabel(t, field);
  return (
    <>
      <AccessCard kind="share" profile={profile} vocabulary={vocabulary} baseClass={baseClass} />
      <AccessCard kind="open" profile={profile} vocabulary={vocabulary} baseClass={baseClass} />
      <Card title={t('catalog.section.security')} id="section-security">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="securityLevel"
              label={f('securityLevel')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: f('securityLevel') }) }]}
            >
              <Select
                options={profile.catalog.securityLevels.map((level) => ({
                  value: level.code,
                  label: level.name[lang],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item noStyle shouldUpdate={(a, b) => a.securityLevel !== b.securityLevel}>
              {({ getFieldValue }) => {
                const subs =
                  profile.catalog.securityLevels.find((l) => l.code === getFieldValue('securityLevel'))
                    ?.subLevels ?? [];
                return (
                  <Form.Item
                    name="securitySubLevel"
                    label={`${f('securitySubLevel')}（${t('common.optional')}）`}
                  >
                    <Select
                      allowClear
                      disabled={subs.length === 0}
                      options={subs.map((s) => ({ value: s.code, label: s.name[lang] }))}
                    />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={f('category')}>
              <Select
                allowClear
                options={profile.catalog.dataCategories.map((c) => ({ value: c.code, label: c.name[lang] }))}
                data-testid="category-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('security.level.editorHint', { article: profile.catalog.classificationArticle })}
            </Typography.Text>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="usageRequirements"
              label={`${f('usageRequirements')}（${t('common.optional')}）`}
            >
              <Input.TextArea
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={t('catalog.usagePlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
