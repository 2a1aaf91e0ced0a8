// Texts of the catalog's projects pages in Chinese; see ../zh-CN.ts for the rules.
export const projectsZhCN = {
  'catalog.menu.projects': '信息化项目',
} as const;
