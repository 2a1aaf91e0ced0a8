import { defineMessages } from '../i18n/messages.ts';

/** Messages of sign-in and permission failures. */
export const policyMessages = defineMessages({
  'auth.required': { 'zh-CN': '请先登录', en: 'Please sign in first' },
  'policy.forbidden': { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'policy.out_of_department_scope': {
    'zh-CN': '您只能操作本部门的数据',
    en: 'You may only act for your own department',
  },
  'policy.out_of_region_scope': {
    'zh-CN': '您只能操作本行政区域及下级区域',
    en: 'You may only act within your own region and the regions below it',
  },
  'open.identity_required': {
    'zh-CN': '请先完成实名身份认证，认证通过后方可获取开放数据',
    en: 'Please complete identity authentication first; open data is available to authenticated users only',
  },
  'auth.csrf': {
    'zh-CN': '安全校验失败，请刷新页面后重试',
    en: 'Security check failed (CSRF token missing or wrong); reload the page and try again',
  },
});
