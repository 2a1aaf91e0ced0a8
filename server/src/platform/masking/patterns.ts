// The shapes the rules recognise, written once in the regular-expression syntax JavaScript and
// PostgreSQL's ARE share (classes, bounded repeats, (?:…), lookahead and lookbehind), so the SQL and
// the Node side of a rule cannot drift apart. Only greedy quantifiers: ARE and JS agree on them.

/** A whole citizen ID: 18 characters (17 digits and a digit or X) or the old 15 digits. */
export const CITIZEN_ID_WHOLE = '^(?:[0-9]{17}[0-9Xx]|[0-9]{15})$';
/** A whole mobile number: 11 digits starting with 1. */
export const MOBILE_WHOLE = '^1[0-9]{10}$';
/** A whole bank card number after spaces and hyphens are removed: 12–19 digits. */
export const BANK_CARD_WHOLE = '^[0-9]{12,19}$';
/** What a bank card number may carry between its digit groups. */
export const BANK_CARD_SEPARATORS = '[ -]';

// Address units. A unit's name is a few characters that are not themselves unit words or the words
// of a street address (路, 街, 道, 号, digits), so "解放碑街道100号小区" is never taken for a district.
const NAME = '[^省市区县旗路街道号巷弄村镇乡0-9]';
const PROVINCE = `${NAME}{2,7}(?:省|自治区|特别行政区)`;
const CITY = `${NAME}{1,10}(?:市|自治州|地区|盟)`;
const DISTRICT = `${NAME}{1,10}(?:区|县|市|旗)`;

/** The leading part of an address kept at each level; one capturing group (PostgreSQL `substring`). */
export const ADDRESS_PREFIX = {
  province: `^(${PROVINCE}|${CITY})`,
  city: `^((?:${PROVINCE})?(?:${CITY})?)`,
  district: `^((?:${PROVINCE})?(?:${CITY})?(?:${DISTRICT})?)`,
} as const;

// Recognised identifiers inside free text, each bounded so that it is not part of a longer code.
const NOT_ALNUM_BEFORE = '(?<![0-9A-Za-z])';
const NOT_ALNUM_AFTER = '(?![0-9A-Za-z])';

/** Free-text targets: the pattern and the fixed number of mask characters a match becomes. */
export const TEXT_TARGETS = {
  citizen_id: [
    { pattern: `${NOT_ALNUM_BEFORE}[1-9][0-9]{16}[0-9Xx]${NOT_ALNUM_AFTER}`, width: 18 },
    { pattern: `${NOT_ALNUM_BEFORE}[1-9][0-9]{14}${NOT_ALNUM_AFTER}`, width: 15 },
  ],
  mobile: [{ pattern: '(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])', width: 11 }],
  // GB 32100: registration authority and kind, 6-digit region code, 9-character body, check character.
  credit_code: [
    {
      pattern: `${NOT_ALNUM_BEFORE}[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}${NOT_ALNUM_AFTER}`,
      width: 18,
    },
  ],
} as const;

/** Compound surnames (复姓) kept whole by the name rule. */
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '申屠',
  '澹台',
  '呼延',
  '万俟',
  '闻人',
  '赫连',
  '钟离',
  '太史',
  '百里',
  '东郭',
  '拓跋',
  '公冶',
  '濮阳',
  '淳于',
  '单于',
  '仲孙',
  '宗政',
  '鲜于',
  '乐正',
  '漆雕',
  '第五',
] as const;

/** Characters the name rule leaves in place: the middle dot of minority and foreign names, spaces. */
export const NAME_KEPT = '· ';

/** Dates and times are cut in China Standard Time (no daylight saving), whatever the session's zone. */
export const TIME_ZONE = 'Asia/Shanghai';
