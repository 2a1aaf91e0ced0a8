import { defineMessages } from '../../../platform/i18n/messages.ts';
import '../pools.messages.ts';

/** Messages of data quality: the consistency findings (value problems reuse `pool.value.*`). */
export const qualityMessages = defineMessages({
  'pool.quality.birth_mismatch': {
    'zh-CN': '与公民身份号码中的出生日期（{expected}）不一致',
    en: 'Differs from the birth date in the citizen ID number ({expected})',
  },
  'pool.quality.gender_mismatch.male': {
    'zh-CN': '与公民身份号码的性别（男）不一致',
    en: 'Differs from the gender in the citizen ID number (male)',
  },
  'pool.quality.gender_mismatch.female': {
    'zh-CN': '与公民身份号码的性别（女）不一致',
    en: 'Differs from the gender in the citizen ID number (female)',
  },
  'pool.quality.rule.birth_date': {
    'zh-CN': '出生日期与身份证号码一致',
    en: 'Birth date agrees with the ID number',
  },
  'pool.quality.rule.gender': {
    'zh-CN': '性别与身份证号码一致',
    en: 'Gender agrees with the ID number',
  },
});
