import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of the open-data statistics. */
export const statisticsMessages = defineMessages({
  'open.statistics.invalid': { 'zh-CN': '统计期间有误', en: 'The period is not valid' },
  'open.statistics.to_before_from': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end is before the start',
  },
  'open.statistics.period_too_long': {
    'zh-CN': '统计期间最长 {days} 天',
    en: 'A period covers at most {days} days',
  },
});
