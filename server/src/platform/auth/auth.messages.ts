import { defineMessages } from '../i18n/messages.ts';

/** Messages of sign-in, sessions, passwords and API keys. */
export const authMessages = defineMessages({
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账号已锁定，请在 {minutes} 分钟后重试',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  'auth.disabled': { 'zh-CN': '该账号已停用', en: 'This account is disabled' },
  'auth.session_expired': {
    'zh-CN': '登录已过期，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  'auth.api_key_invalid': { 'zh-CN': 'API 密钥无效', en: 'The API key is not valid' },
  'auth.api_key_revoked': { 'zh-CN': 'API 密钥已被吊销', en: 'The API key has been revoked' },
  'auth.api_key_expired': { 'zh-CN': 'API 密钥已过期', en: 'The API key has expired' },
  'auth.api_key_owner_disabled': {
    'zh-CN': 'API 密钥所属账号已停用',
    en: 'The account this API key belongs to is disabled',
  },
  'auth.wrong_current_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.password_too_short': { 'zh-CN': '密码至少 8 位', en: 'The password must have at least 8 characters' },
  'auth.password_too_simple': {
    'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password must mix at least three of: upper case, lower case, digits, symbols',
  },
  'auth.password_contains_username': {
    'zh-CN': '密码不能包含用户名',
    en: 'The password must not contain the username',
  },
  'auth.password_same': {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
});
