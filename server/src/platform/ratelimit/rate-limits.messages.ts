import { defineMessages } from '../i18n/messages.ts';

/** Messages of the rate limits (429 answers). */
export const rateLimitMessages = defineMessages({
  'rate.limited': {
    'zh-CN': '请求过于频繁，请在 {seconds} 秒后重试',
    en: 'Too many requests; please try again in {seconds} seconds',
  },
  'auth.too_many_attempts': {
    'zh-CN': '登录失败次数过多，请在 {seconds} 秒后重试',
    en: 'Too many failed sign-ins; please try again in {seconds} seconds',
  },
});
