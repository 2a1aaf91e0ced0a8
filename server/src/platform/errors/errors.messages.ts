import { defineMessages } from '../i18n/messages.ts';

/** Messages of the generic HTTP errors. */
export const errorMessages = defineMessages({
  'request.invalid': { 'zh-CN': '请求参数不符合要求', en: 'The request is not valid' },
  'request.malformed_json': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.too_large': {
    'zh-CN': '请求体过大（上限 {limit} 字节）',
    en: 'The request body is too large (limit {limit} bytes)',
  },
  'request.unsupported_media_type': {
    'zh-CN': '不支持的内容类型，请以 application/json 发送',
    en: 'Unsupported content type; send application/json',
  },
  'request.bad_characters': {
    'zh-CN': '请求中含有无法处理的字符（如 NUL 控制字符）',
    en: 'The request contains characters that cannot be processed (such as NUL)',
  },
  'request.not_found': { 'zh-CN': '找不到 {method} {url}', en: 'No such route: {method} {url}' },
  'request.rate_limited': { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'server.internal': {
    'zh-CN': '服务器内部错误，请联系管理员并提供请求编号 {requestId}',
    en: 'Internal server error; contact the administrator with request id {requestId}',
  },
  'resource.not_found': { 'zh-CN': '找不到该{what}', en: 'No such {what}' },
  'resource.conflict': { 'zh-CN': '{what}已存在', en: '{what} already exists' },
  'validation.required': { 'zh-CN': '必填', en: 'is required' },
  'validation.unknown_field': { 'zh-CN': '不允许的字段 {field}', en: 'unknown field {field}' },
  'validation.type': { 'zh-CN': '类型应为 {type}', en: 'must be of type {type}' },
  'validation.format': { 'zh-CN': '格式应为 {format}', en: 'must be a valid {format}' },
  'validation.min_length': { 'zh-CN': '长度不能少于 {limit}', en: 'must be at least {limit} characters' },
  'validation.max_length': { 'zh-CN': '长度不能超过 {limit}', en: 'must be at most {limit} characters' },
  'validation.pattern': { 'zh-CN': '格式不正确', en: 'has the wrong format' },
  'validation.enum': { 'zh-CN': '应为以下之一：{allowed}', en: 'must be one of: {allowed}' },
  'validation.minimum': { 'zh-CN': '不能小于 {limit}', en: 'must be at least {limit}' },
  'validation.maximum': { 'zh-CN': '不能大于 {limit}', en: 'must be at most {limit}' },
  'validation.other': { 'zh-CN': '不符合要求', en: 'is not valid' },
});
