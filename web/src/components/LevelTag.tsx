import { Space, Tag, Tooltip, type TableColumnType } from 'antd';
import type { ResourceLevel } from '../api/sharing.ts';
import { useCatalogProfile } from '../console/pages/catalog/meta.tsx';
import { useI18n } from '../i18n/index.tsx';

// Colours by position in the profile's order (lowest first): the higher, the warmer.
const COLOURS = ['blue', 'orange', 'red', 'magenta', 'volcano'];

/**
 * A resource's or item's 安全级别 (and sub-level) as a coloured tag with the profile's name in the
 * reader's language; the tooltip says what the level allows. For every page that shows data.
 */
export function LevelTag({
  level,
  subLevel,
}: {
  level: string | null | undefined;
  subLevel?: string | null;
}) {
  const { t, lang } = useI18n();
  const profile = useCatalogProfile().data;
  if (!level) return <span>—</span>;
  const levels = profile?.catalog.securityLevels ?? [];
  const index = levels.findIndex((l) => l.code === level);
  const found = levels[index];
  const sub = found?.subLevels.find((s) => s.code === subLevel);
  const typeNames = (kind: 'share' | 'open', types: string[]) =>
    types
      .map((type) => profile?.categories[kind][type as 'none']?.[lang] ?? type)
      .join(lang === 'en' ? ', ' : '、');
  const tip = found
    ? t('security.level.tooltip', {
        share: typeNames('share', found.shareTypes),
        open: typeNames('open', found.openTypes),
      })
    : undefined;
  return (
    <Tooltip title={tip}>
      <Tag color={COLOURS[index] ?? 'default'} data-testid="level-tag">
        {found?.name[lang] ?? level}
        {sub ? ` · ${sub.name[lang]}` : subLevel ? ` · ${subLevel}` : ''}
      </Tag>
    </Tooltip>
  );
}

/** A data category (分类) by the profile's name. */
export function CategoryTag({ category }: { category: string | null | undefined }) {
  const { t, lang } = useI18n();
  const profile = useCatalogProfile().data;
  if (!category) return <Tag>{t('security.category.none')}</Tag>;
  const found = profile?.catalog.dataCategories.find((c) => c.code === category);
  return <Tag color="geekblue">{found?.name[lang] ?? category}</Tag>;
}

/** The legend of levels for a table page: each level's tag and what it allows. */
export function LevelLegend() {
  const profile = useCatalogProfile().data;
  return (
    <Space size={4} wrap>
      {(profile?.catalog.securityLevels ?? []).map((level) => (
        <LevelTag key={level.code} level={level.code} />
      ))}
    </Space>
  );
}

/**
 * The 分级 column of a list whose rows carry their resource's published level (the sharing and
 * opening lists): the level tag, or a dash where the answer has none.
 */
export function levelColumn<T extends ResourceLevel>(title: string): TableColumnType<T> {
  return {
    title,
    key: 'level',
    width: 150,
    render: (_: unknown, row: T) => <LevelTag level={row.securityLevel} subLevel={row.securitySubLevel} />,
  };
}
