import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { ClassNode } from '../../../../api/catalog.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import { useClasses } from '../meta.tsx';

interface CodeNode {
  value: string;
  title: string;
  selectable: boolean;
  children?: CodeNode[];
}

// A plan names its class by code; a 类 (the top level) is too broad, so only 项 and below are picked.
const byCode = (nodes: readonly ClassNode[]): CodeNode[] =>
  nodes.map((node) => ({
    value: node.cls.code,
    title: node.label,
    selectable: node.cls.path.length >= 2,
    ...(node.children ? { children: byCode(node.children) } : {}),
  }));

/** Picks a classification node (at least at the 项 level) by its code, searching by code or name. */
export function ClassSelect({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  id?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const classes = useClasses();
  const treeData = useMemo(() => byCode(classes.tree), [classes.tree]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(code: string | undefined) => onChange?.(code ?? null)}
      treeData={treeData}
      loading={classes.isLoading}
      disabled={disabled}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('catalog.projects.plan.classPlaceholder')}
      popupMatchSelectWidth={320}
      style={{ width: '100%' }}
    />
  );
}
