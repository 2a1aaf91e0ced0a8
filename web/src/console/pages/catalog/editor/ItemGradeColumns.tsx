import { Form, Select, Tooltip } from 'antd';
import type { FormListFieldData, TableColumnType } from 'antd';
import type { CatalogProfile } from '../../../../api/catalog.ts';
import type { Lang, Translate } from '../../../../i18n/index.tsx';

const CELL = { margin: 0 };
// The select's value for "inherit the resource's level"; the form keeps null.
const INHERIT = '';

/**
 * The 信息项分级 and 信息项分类 columns of the items table. The level offers "同资源" and the
 * profile's levels at or above the resource's (an item may be graded higher, never lower); the
 * server's `/body/items/<row>/securityLevel` and `/category` errors land in these cells.
 */
export function itemGradeColumns({
  profile,
  resourceLevel,
  t,
  lang,
}: {
  profile: CatalogProfile | undefined;
  resourceLevel: string | undefined;
  t: Translate;
  lang: Lang;
}): TableColumnType<FormListFieldData>[] {
  const levels = profile?.catalog.securityLevels ?? [];
  const floor = Math.max(
    0,
    levels.findIndex((level) => level.code === resourceLevel),
  );
  const levelOptions = [
    { value: INHERIT, label: t('security.level.inherits') },
    ...levels.slice(floor).map((level) => ({ value: level.code, label: level.name[lang] })),
  ];
  const categoryOptions = (profile?.catalog.dataCategories ?? []).map((c) => ({
    value: c.code,
    label: c.name[lang],
  }));
  return [
    {
      title: <Tooltip title={t('security.item.levelHelp')}>{t('security.item.level')}</Tooltip>,
      key: 'securityLevel',
      width: 120,
      render: (_: unknown, field) => (
        <Form.Item
          name={[field.name, 'securityLevel']}
          style={CELL}
          // The select shows "同资源" for the null the API sends and receives.
          getValueProps={(value: string | null | undefined) => ({ value: value ?? INHERIT })}
          normalize={(value: string | undefined) => (value ? value : null)}
          dependencies={['securityLevel']}
          rules={[
            {
              validator: async (_, value: string | null | undefined) => {
                if (!value || !resourceLevel) return;
                const index = levels.findIndex((level) => level.code === value);
                if (index >= 0 && index < floor) throw new Error(t('security.item.levelBelow'));
              },
            },
          ]}
        >
          <Select
            options={levelOptions}
            popupMatchSelectWidth={false}
            aria-label={t('security.item.level')}
            data-testid="item-level-select"
          />
        </Form.Item>
      ),
    },
    {
      title: t('security.item.category'),
      key: 'category',
      width: 120,
      render: (_: unknown, field) => (
        <Form.Item
          name={[field.name, 'category']}
          style={CELL}
          normalize={(value: string | undefined) => value ?? null}
        >
          <Select
            allowClear
            options={categoryOptions}
            popupMatchSelectWidth={false}
            placeholder={t('security.category.none')}
            aria-label={t('security.item.category')}
            data-testid="item-category-select"
          />
        </Form.Item>
      ),
    },
  ];
}
