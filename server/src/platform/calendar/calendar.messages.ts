import { defineMessages } from '../i18n/messages.ts';

/** Messages of the working-day calendar. */
export const calendarMessages = defineMessages({
  'calendar.year_unknown': {
    'zh-CN': '尚无 {year} 年的节假日安排，无法计算工作日；请平台管理员导入国务院办公厅公布的该年安排',
    en: 'There is no holiday schedule for {year}, so working days cannot be counted; ask the platform administrator to import that year’s State Council schedule',
  },
  'calendar.invalid_date': {
    'zh-CN': '不是有效日期（应为 YYYY-MM-DD）',
    en: 'is not a valid date (YYYY-MM-DD)',
  },
  'calendar.import_invalid': {
    'zh-CN': '节假日安排不符合要求',
    en: 'The holiday schedule is not valid',
  },
  'calendar.date_outside_year': { 'zh-CN': '日期不在 {year} 年内', en: 'is not in the year {year}' },
  'calendar.date_duplicate': { 'zh-CN': '日期 {date} 重复', en: 'date {date} is listed twice' },
  'calendar.date_in_both': {
    'zh-CN': '日期 {date} 不能既是节假日又是调休工作日',
    en: 'date {date} cannot be both a holiday and a make-up working day',
  },
  'calendar.workday_not_weekend': {
    'zh-CN': '调休工作日 {date} 应为周六或周日',
    en: 'make-up working day {date} must be a Saturday or Sunday',
  },
  'calendar.schema_problem': { 'zh-CN': '不符合要求：{message}', en: '{message}' },
  'what.calendar_year': { 'zh-CN': '年度节假日安排', en: 'holiday schedule' },
});
