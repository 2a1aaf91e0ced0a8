// Texts of the catalog's duties pages in Chinese; see ../zh-CN.ts for the rules.
export const dutiesZhCN = {
  'catalog.menu.duties': '责任清单',
  'catalog.menu.quality': '目录质量',
} as const;
