import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of public users' registration, identity authentication and personal API keys. */
export const accountMessages = defineMessages({
  'what.personal_api_key': { 'zh-CN': '个人 API 密钥', en: 'personal API key' },
  'what.open_account': { 'zh-CN': '开放平台账号', en: 'open-data account' },
  'open.account.invalid': {
    'zh-CN': '注册信息有误，请按各项提示修改',
    en: 'Some registration fields have mistakes; see each field',
  },
  'open.account.required': { 'zh-CN': '此项必填', en: 'This field is required' },
  'open.account.not_for_kind': {
    'zh-CN': '该项不适用于所选的注册类型',
    en: 'This field does not belong to the chosen kind of account',
  },
  'open.account.bad_username': {
    'zh-CN': '用户名须为 2–63 位字母、数字或 . _ -，并以字母或数字开头',
    en: 'The username must be 2–63 letters, digits or . _ -, starting with a letter or digit',
  },
  'open.account.username_taken': {
    'zh-CN': '该用户名已被使用，请换一个',
    en: 'This username is taken; please choose another',
  },
  'open.account.bad_mobile': {
    'zh-CN': '请填写 11 位中国大陆手机号码',
    en: 'Enter an 11-digit mainland China mobile number',
  },
  'open.account.bad_name': {
    'zh-CN': '姓名或名称须为 1–100 个字符，不含控制字符',
    en: 'The name must be 1–100 characters without control characters',
  },
  'open.account.citizen_id_format': {
    'zh-CN': '居民身份证号码应为 18 位（17 位数字加 1 位数字或 X）',
    en: 'A citizen ID number has 18 characters: 17 digits and a digit or X',
  },
  'open.account.citizen_id_check': {
    'zh-CN': '居民身份证号码校验位不正确，请核对',
    en: 'The check character of the citizen ID number is wrong; please check the number',
  },
  'open.account.citizen_id_birth': {
    'zh-CN': '居民身份证号码中的出生日期无效',
    en: 'The birth date inside the citizen ID number is not a real date',
  },
  'open.account.credit_code_format': {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
    en: 'A unified social credit code has 18 digits or capital letters (without I, O, S, V, Z)',
  },
  'open.account.credit_code_check': {
    'zh-CN': '统一社会信用代码校验位不正确，请核对',
    en: 'The check character of the unified social credit code is wrong; please check the code',
  },
  'open.account.identity_taken': {
    'zh-CN': '该证件号码已注册过账号，每个证件只能注册一个账号',
    en: 'An account is already registered with this identity number; one account per identity',
  },
  'open.account.identity_not_verified': {
    'zh-CN': '实名身份认证未通过：证件号码与姓名（名称）不一致',
    en: 'Identity authentication failed: the number and the name do not match',
  },
  'open.account.identity_service_unavailable': {
    'zh-CN': '实名认证服务暂时不可用，请稍后重试',
    en: 'The identity authentication service is unavailable; please try again later',
  },
  'open.account.identity_service_bad_answer': {
    'zh-CN': '实名认证服务返回了无法识别的结果，请稍后重试',
    en: 'The identity authentication service gave an answer that could not be understood; please try again later',
  },
  'open.account.too_many_registrations': {
    'zh-CN': '注册请求过于频繁，请在 {seconds} 秒后重试',
    en: 'Too many registrations from your network; please try again in {seconds} seconds',
  },
  'open.account.not_public_user': {
    'zh-CN': '只有开放平台的公众用户有此项信息',
    en: 'Only public users of the open-data portal have this',
  },
  'open.keys.session_only': {
    'zh-CN': '请登录后在网页中创建个人 API 密钥，不能用 API 密钥创建新密钥',
    en: 'Create personal API keys while signed in; an API key cannot create another key',
  },
  'open.keys.too_many': {
    'zh-CN': '有效的个人 API 密钥最多 {max} 个，请先吊销不用的密钥',
    en: 'You may hold at most {max} active personal API keys; revoke one you no longer use',
  },
});
