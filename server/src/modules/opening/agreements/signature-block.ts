// The signature block appended to a downloaded agreement document. It comes after the last byte of
// the signed document, behind a fixed marker line, so the signed bytes are exactly what precedes
// the marker and a reader can cut them off to check the digest (docs/opening-agreements.md).
import type { OpenAgreementRow } from './agreements.repository.ts';
import type { PackageSignature } from './signatures.ts';

/** The line that separates the signed document from the signature block in a downloaded file. */
export const SIGNATURE_BLOCK_MARKER =
  '<!-- zhengshu-agreement-signatures: not part of the signed document -->';

const PARTY_NAMES: Record<string, string> = { applicant: '使用方', provider: '提供方' };

// The block repeats signer names, which are users' own words: every value is escaped.
const escape = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** A moment as China's wall-clock time, e.g. `2026-03-01 08:30:00（北京时间）`. */
function chinaTime(isoTime: string): string {
  const shifted = new Date(new Date(isoTime).getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}（北京时间）`;
}

/** The block: a newline, the marker, and the signatures (or why there are none) as HTML. */
export function signatureBlock(
  row: Pick<OpenAgreementRow, 'number' | 'digest' | 'state'>,
  signatures: readonly PackageSignature[],
): string {
  const rows = signatures
    .map(
      (s) =>
        `<tr><td>${PARTY_NAMES[s.party] ?? escape(s.party)}</td><td>${escape(s.signerName)}</td>` +
        `<td>${chinaTime(s.signedAt)}</td><td>${escape(s.alg)}</td><td><code>${escape(s.keyId)}</code></td></tr>`,
    )
    .join('');
  const body =
    signatures.length > 0
      ? `<table><thead><tr><th>签署方</th><th>签署人</th><th>签署时间</th><th>算法</th><th>密钥标识</th></tr></thead><tbody>${rows}</tbody></table>`
      : row.state === 'awaiting_signatures'
        ? '<p>尚无签署。</p>'
        : '<p>本协议无需双方在平台签署（依所适用的规定），作为约定条款的记录。</p>';
  return [
    '',
    SIGNATURE_BLOCK_MARKER,
    '<section class="signatures" lang="zh-CN"><h2>签署信息</h2>',
    `<p>协议编号：${escape(row.number)}；协议文本摘要：<code>${escape(row.digest)}</code></p>`,
    body,
    '<p>签署内容为本文件中标记行之前的全部字节。核验请使用“已签署协议包”（JSON），或在平台“核验协议”处提交。</p>',
    '</section>',
    '',
  ].join('\n');
}
