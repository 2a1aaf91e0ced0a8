import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of catalog search: errors and the names of facet values that are not data. */
export const searchMessages = defineMessages({
  'catalog.search.no_words': {
    'zh-CN': '检索词“{q}”中没有可检索的词语（标点符号和“的”“和”等虚词不参与检索），请换用其他检索词',
    en: 'The search text "{q}" has no words to search for (punctuation and particles such as 的 or 和 are ignored); try other words',
  },
  'catalog.search.class_kind.base': { 'zh-CN': '基础信息资源', en: 'Base information resources' },
  'catalog.search.class_kind.theme': { 'zh-CN': '主题信息资源', en: 'Thematic information resources' },
  'catalog.search.class_kind.department': {
    'zh-CN': '部门信息资源',
    en: 'Department information resources',
  },
});
