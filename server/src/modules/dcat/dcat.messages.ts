import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the DCAT-AP views of the open catalog. */
export const dcatMessages = defineMessages({
  'dcat.what.dataset': { 'zh-CN': '开放数据资源', en: 'open dataset' },
  'dcat.bad_file': {
    'zh-CN': '不支持的文件名 {file}：请使用“资源代码（/ 换为 -）.ttl”或“.jsonld”，如 101001-000001.ttl',
    en: 'Unsupported file {file}: use the resource code with "/" replaced by "-" and .ttl or .jsonld, e.g. 101001-000001.ttl',
  },
});
