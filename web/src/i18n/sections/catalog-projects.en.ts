import type { projectsZhCN } from './catalog-projects.zh-CN.ts';

// English texts of the catalog's projects pages; the keys are those of catalog-projects.zh-CN.ts.
export const projectsEn: Record<keyof typeof projectsZhCN, string> = {
  'catalog.menu.projects': 'IT projects',
};
