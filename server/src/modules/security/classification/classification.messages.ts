import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of classification and grading (分类分级). */
export const classificationMessages = defineMessages({
  'classification.category_unknown': {
    'zh-CN': '数据分类应为以下之一：{allowed}',
    en: 'The data category must be one of: {allowed}',
  },
  'classification.sublevel_unknown': {
    'zh-CN': '“{levelZh}”的子级应为以下之一：{allowed}',
    en: 'The sub-level of "{levelEn}" must be one of: {allowed}',
  },
  'classification.sublevel_none': {
    'zh-CN': '“{levelZh}”不设子级',
    en: '"{levelEn}" has no sub-levels',
  },
  'classification.item_level_unknown': {
    'zh-CN': '信息项的安全级别应为以下之一：{allowed}（留空则同资源）',
    en: "The item's security level must be one of: {allowed} (blank: the resource's level)",
  },
  'classification.item_level_below_resource': {
    'zh-CN': '信息项的安全级别不得低于资源的安全级别“{levelZh}”（留空则同资源）',
    en: 'An item may not be graded below its resource ("{levelEn}"); leave it blank to inherit',
  },
  'classification.share_type_exceeds_level': {
    'zh-CN': '{whereZh}为“{levelZh}”，不得{typeZh}；允许的共享类型：{allowedZh}（{article}）',
    en: '{whereEn} is "{levelEn}", which may not be {typeEn}; allowed share types: {allowedEn} ({article})',
  },
  'classification.open_type_exceeds_level': {
    'zh-CN': '{whereZh}为“{levelZh}”，不得{typeZh}；允许的开放类型：{allowedZh}（{article}）',
    en: '{whereEn} is "{levelEn}", which may not be {typeEn}; allowed open types: {allowedEn} ({article})',
  },
});
