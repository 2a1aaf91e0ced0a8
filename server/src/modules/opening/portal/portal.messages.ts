import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of the open-data portal's public pages: errors and the chart's labels that are not data. */
export const portalMessages = defineMessages({
  'open.portal.not_found': {
    'zh-CN': '找不到该开放数据集：它不存在，或未在开放目录中发布',
    en: 'No such open dataset: it does not exist or is not published in the open catalog',
  },
  'open.portal.chart.other': { 'zh-CN': '其他', en: 'Other' },
  'open.portal.chart.missing': { 'zh-CN': '未填写', en: 'Not given' },
  'open.portal.chart.true': { 'zh-CN': '是', en: 'Yes' },
  'open.portal.chart.false': { 'zh-CN': '否', en: 'No' },
});
