import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of API key management. */
export const apiKeyMessages = defineMessages({
  'what.api_key': { 'zh-CN': 'API 密钥', en: 'API key' },
  'apikeys.department_required': {
    'zh-CN': '请选择密钥所属部门',
    en: 'Choose the department the key belongs to',
  },
  'apikeys.expiry_in_past': { 'zh-CN': '过期时间必须晚于现在', en: 'The expiry must be in the future' },
});
