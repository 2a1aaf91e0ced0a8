import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the system routes. */
export const systemMessages = defineMessages({
  'system.database_unreachable': { 'zh-CN': '数据库暂时无法连接', en: 'The database cannot be reached' },
});
