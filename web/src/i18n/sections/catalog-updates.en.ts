import type { updatesZhCN } from './catalog-updates.zh-CN.ts';

// English texts of the catalog's updates pages; the keys are those of catalog-updates.zh-CN.ts.
export const updatesEn: Record<keyof typeof updatesZhCN, string> = {
  'catalog.menu.updates': 'Update requests',
  'catalog.menu.supplements': 'Supplementary catalogs',
};
