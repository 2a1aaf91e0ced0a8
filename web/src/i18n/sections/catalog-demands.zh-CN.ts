// Texts of the catalog's demands pages in Chinese; see ../zh-CN.ts for the rules.
export const demandsZhCN = {
  'catalog.menu.demands': '需求清单',
} as const;
