import type { dutiesZhCN } from './catalog-duties.zh-CN.ts';

// English texts of the catalog's duties pages; the keys are those of catalog-duties.zh-CN.ts.
export const dutiesEn: Record<keyof typeof dutiesZhCN, string> = {
  'catalog.menu.duties': 'Duty lists',
  'catalog.menu.quality': 'Metadata quality',
};
