// Texts of the catalog's updates pages in Chinese; see ../zh-CN.ts for the rules.
export const updatesZhCN = {
  'catalog.menu.updates': '目录更新',
  'catalog.menu.supplements': '补充目录',
} as const;
