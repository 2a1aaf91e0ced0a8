import type { demandsZhCN } from './catalog-demands.zh-CN.ts';

// English texts of the catalog's demands pages; the keys are those of catalog-demands.zh-CN.ts.
export const demandsEn: Record<keyof typeof demandsZhCN, string> = {
  'catalog.menu.demands': 'Demand lists',
};
