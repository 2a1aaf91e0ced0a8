import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of signature verification (what a holder of a shared document is told). */
export const signingMessages = defineMessages({
  'signing.malformed': {
    'zh-CN': '这不是有效的签名文件：{detail}',
    en: 'This is not a valid signed envelope: {detail}',
  },
  'signing.unsupported_format': {
    'zh-CN': '不支持的签名格式（{detail}），应为 zhengshu-signed/1',
    en: 'Unsupported envelope format ({detail}); expected zhengshu-signed/1',
  },
  'signing.unknown_algorithm': {
    'zh-CN': '不支持的签名算法（{detail}），平台只使用 SM2-SM3 或 Ed25519',
    en: 'Unsupported signature algorithm ({detail}); the platform signs with SM2-SM3 or Ed25519 only',
  },
  'signing.unknown_key': {
    'zh-CN': '签名所用的密钥 {keyId} 不是本平台发布的签名密钥，无法确认来源',
    en: 'The key {keyId} is not one this platform has published; the origin cannot be confirmed',
  },
  'signing.algorithm_mismatch': {
    'zh-CN': '签名声明的算法与密钥 {keyId} 的算法不一致，签名无效',
    en: 'The algorithm named does not match the key {keyId}; the signature is not valid',
  },
  'signing.bad_signature': {
    'zh-CN': '签名验证未通过：签名后数据已被改动（或签名时间、密钥编号被改动），不能作为有效凭证',
    en: 'The signature does not verify: the data (or the signing time or key id) was changed after signing',
  },
});
