// The data usage agreement (数据利用协议) as a document: every clause CQO §25 asks for, filled from
// the agreed terms. The document is what both sides sign (its SM3 digest), so it is rendered once,
// stored, and never re-rendered: a template change later cannot alter a signed agreement. It is
// written in Chinese, the language of the agreement in law; the portal translates around it.
import crypto from 'node:crypto';
import type { AgreedMethod } from '../conditional.tables.ts';

/** What an agreement says, as data: the access check and the document both follow it. */
export interface AgreementTerms {
  number: string;
  dataset: { resourceId: string; code: string; name: string };
  provider: { departmentId: string; name: string };
  applicant: {
    userId: string;
    name: string;
    personType: 'natural' | 'legal' | 'other' | null;
    /** The masked identity number (never the whole one in a document that travels). */
    identityMasked: string | null;
    contactName: string | null;
  };
  /** The data list (数据清单): the agreed information items. */
  items: { field: string; name: string }[];
  methods: AgreedMethod[];
  purpose: string;
  scenario: string;
  securityMeasures: string;
  period: { from: string; until: string };
  /** Calendar days after the end within which the user deletes the data and says so. */
  disposalDays: number;
  /** The usage-feedback schedule: a report at least this often, counted from the start. */
  feedbackEveryDays: number;
  /** Whether the authority reviews the signed agreement before access opens. */
  authorityReview: boolean;
  /** Whether the profile requires both sides to sign (else the agreement is a record of terms). */
  signaturesRequired: boolean;
  /** Articles the agreement rests on, from the profile. */
  basis: { agreement: string | null; reply: string | null; review: string | null };
  /** Day the agreement was generated (China). */
  generatedOn: string;
}

const METHOD_NAMES: Record<AgreedMethod, string> = { download: '数据下载', api: '数据接口（API）调用' };
const PERSON_TYPES: Record<string, string> = { natural: '自然人', legal: '法人', other: '非法人组织' };

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

function clause(n: number, title: string, body: string): string {
  return `<section class="clause"><h2>第${n}条 ${escapeHtml(title)}</h2>${body}</section>`;
}

/** The articles an agreement cites, joined for its preamble ("依据 CQO §24、CQO §25"). */
function basisText(terms: AgreementTerms): string {
  const cited = [terms.basis.reply, terms.basis.agreement, terms.basis.review].filter(
    (article): article is string => Boolean(article),
  );
  return [...new Set(cited)].join('、');
}

/**
 * Renders the agreement document (HTML, zh-CN, self-contained). Every value is HTML-escaped: the
 * purpose and measures are the applicant's own words.
 */
export function renderAgreementDocument(terms: AgreementTerms): string {
  const a = terms.applicant;
  const items = terms.items
    .map(
      (item) => `<tr><td>${escapeHtml(item.name)}</td><td><code>${escapeHtml(item.field)}</code></td></tr>`,
    )
    .join('');
  const basis = basisText(terms);
  const clauses = [
    clause(
      1,
      '数据清单',
      `<p>提供方向使用方开放数据资源“${escapeHtml(terms.dataset.name)}”（资源代码 ${escapeHtml(terms.dataset.code)}）的下列信息项，以脱敏后的形式提供，开放方式为：${terms.methods.map((m) => METHOD_NAMES[m]).join('、')}。</p>` +
        `<table><thead><tr><th>信息项</th><th>字段</th></tr></thead><tbody>${items}</tbody></table>`,
    ),
    clause(2, '使用目的', paragraphs(terms.purpose)),
    clause(3, '应用场景', paragraphs(terms.scenario)),
    clause(4, '安全保障措施', paragraphs(terms.securityMeasures)),
    clause(
      5,
      '使用期限',
      `<p>自 ${terms.period.from} 起至 ${terms.period.until} 止。期限届满，平台自动关闭访问；续用须重新申请。</p>`,
    ),
    clause(
      6,
      '期限届满后的数据处置',
      `<p>期限届满或本协议终止后 ${terms.disposalDays} 日内，使用方删除所获取的全部数据及其副本，并通过开放平台书面说明处置情况。</p>`,
    ),
    clause(
      7,
      '数据利用反馈',
      `<p>使用方自使用期限开始之日起，至少每 ${terms.feedbackEveryDays} 日通过开放平台反馈一次数据利用情况（用途、成果、发现的数据问题）；逾期未反馈的，平台予以标记并告知提供方和数据主管部门。</p>`,
    ),
    clause(
      8,
      '来源标注',
      `<p>使用方在利用本数据形成的论文、产品、服务等成果中，应当注明数据来源：“${escapeHtml(terms.provider.name)}，经公共数据开放平台提供”。</p>`,
    ),
    clause(9, '禁止其他用途', '<p>使用方不得将数据用于本协议约定目的和场景以外的任何用途。</p>'),
    clause(10, '禁止转让与传播', '<p>使用方不得向第三方提供、转让、出售或者公开传播所获取的数据。</p>'),
    clause(
      11,
      '违约处理',
      '<p>使用方违反本协议的，提供方或数据主管部门可以暂停其数据访问并要求限期整改；逾期未整改或者情节严重的，终止本协议并关闭访问，依法追究相应责任。</p>',
    ),
  ];
  const review = terms.authorityReview
    ? '<p>本协议经双方签署并经数据主管部门审核通过后生效。</p>'
    : terms.signaturesRequired
      ? '<p>本协议经双方签署后生效。</p>'
      : '<p>本协议自提供方同意开放之日起生效。</p>';
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>数据利用协议 ${escapeHtml(terms.number)}</title></head><body>`,
    '<article class="agreement">',
    `<h1>公共数据利用协议</h1><p class="number">协议编号：${escapeHtml(terms.number)}</p>`,
    `<p>提供方：${escapeHtml(terms.provider.name)}</p>`,
    `<p>使用方：${escapeHtml(a.name)}（${PERSON_TYPES[a.personType ?? ''] ?? '申请人'}${a.identityMasked ? `，证件号 ${escapeHtml(a.identityMasked)}` : ''}${a.contactName ? `，联系人 ${escapeHtml(a.contactName)}` : ''}）</p>`,
    `<p>${basis ? `依据 ${escapeHtml(basis)}，` : ''}经使用方申请、提供方评估同意，双方就有条件开放数据的利用订立本协议。</p>`,
    ...clauses,
    review,
    `<p class="generated">生成日期：${terms.generatedOn}</p>`,
    '</article></body></html>',
  ].join('\n');
}

/** The digest each signature covers: `sm3:` and the hex SM3 of the document's UTF-8 bytes. */
export function agreementDigest(document: string): string {
  return `sm3:${crypto.createHash('sm3').update(document, 'utf8').digest('hex')}`;
}
