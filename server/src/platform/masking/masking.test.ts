import { describe, expect, it } from 'vitest';
import { defaultRule, defaultTreatment, fittingRule } from './defaults.ts';
import { maskRow, planMasking, RuleTypeMismatch, type MaskColumn } from './plan.ts';
import { fitsType, parseRule, type MaskRule } from './rules.ts';
import { pseudonym, pseudonymKey, valueMasker } from './values.ts';

const secret = Buffer.from('a platform secret for tests only');
const mask = (rule: MaskRule, value: unknown, type: MaskColumn['type'] = 'C') =>
  valueMasker(rule, type, { pseudonymKey: pseudonymKey(secret, 'grant-1') })(value);

describe('citizen ID', () => {
  it('keeps the region code and the last four of an 18-character ID', () => {
    expect(mask({ kind: 'citizen_id' }, '500103198001011234')).toBe('500103********1234');
    expect(mask({ kind: 'citizen_id' }, '50010319800101123X')).toBe('500103********123X');
  });
  it('masks an old 15-digit ID the same way', () => {
    expect(mask({ kind: 'citizen_id' }, '500103800101123')).toBe('500103*****1123');
  });
  it('takes the kept lengths and the mask character as parameters', () => {
    expect(mask({ kind: 'citizen_id', keepStart: 4, keepEnd: 1, maskChar: '#' }, '500103198001011234')).toBe(
      '5001#############4',
    );
  });
  it('masks a value that is not an ID whole, or withholds it', () => {
    expect(mask({ kind: 'citizen_id' }, '5001031980')).toBe('**********');
    expect(mask({ kind: 'citizen_id', onMismatch: 'null' }, '无')).toBeNull();
  });
  it('leaves null as null', () => {
    expect(mask({ kind: 'citizen_id' }, null)).toBeNull();
  });
});

describe('name', () => {
  it('keeps the surname', () => {
    expect(mask({ kind: 'name' }, '张三')).toBe('张*');
    expect(mask({ kind: 'name' }, '王小明')).toBe('王**');
  });
  it('keeps a compound surname whole, but not in a two-character name', () => {
    expect(mask({ kind: 'name' }, '欧阳娜娜')).toBe('欧阳**');
    expect(mask({ kind: 'name' }, '司马光')).toBe('司马*');
    expect(mask({ kind: 'name' }, '欧阳')).toBe('欧*');
  });
  it('masks a one-character value whole and keeps the middle dot of minority names', () => {
    expect(mask({ kind: 'name' }, '李')).toBe('*');
    expect(mask({ kind: 'name' }, '买买提·艾力')).toBe('买**·**');
    expect(mask({ kind: 'name' }, '')).toBe('');
  });
  it('counts a character outside the BMP as one (e.g. 𠀋, a surrogate pair)', () => {
    expect(mask({ kind: 'name' }, '𠀋三丰')).toBe('𠀋**');
    expect(mask({ kind: 'name' }, '张𠀋')).toBe('张*');
    expect(mask({ kind: 'partial', keepStart: 1, keepEnd: 1 }, '𠀋ab𠀋')).toBe('𠀋**𠀋');
  });
});

describe('mobile, bank card, partial', () => {
  it('masks a mobile number as 138****1234', () => {
    expect(mask({ kind: 'mobile' }, '13812341234')).toBe('138****1234');
    expect(mask({ kind: 'mobile' }, '023-6388888')).toBe('***********');
  });
  it('keeps the first six and the last four digits of a bank card, ignoring spaces', () => {
    expect(mask({ kind: 'bank_card' }, '6222021234567890123')).toBe('622202*********0123');
    expect(mask({ kind: 'bank_card' }, '6222 0212 3456 7890')).toBe('622202******7890');
    expect(mask({ kind: 'bank_card', onMismatch: 'null' }, '12345')).toBeNull();
  });
  it('masks a short value whole when keeping both ends would show it all', () => {
    expect(mask({ kind: 'partial', keepStart: 2, keepEnd: 2 }, 'ABC')).toBe('***');
    expect(mask({ kind: 'partial', keepStart: 2, keepEnd: 1 }, 'E12345678')).toBe('E1******8');
  });
});

describe('address', () => {
  it('generalises to the district', () => {
    expect(mask({ kind: 'address' }, '重庆市渝中区解放碑街道100号3-1')).toBe('重庆市渝中区');
    expect(mask({ kind: 'address' }, '四川省成都市武侯区人民南路四段1号')).toBe('四川省成都市武侯区');
    expect(mask({ kind: 'address' }, '四川省广安市岳池县九龙镇')).toBe('四川省广安市岳池县');
    expect(mask({ kind: 'address' }, '四川省成都市简阳市石桥镇')).toBe('四川省成都市简阳市');
    expect(mask({ kind: 'address' }, '新疆维吾尔自治区乌鲁木齐市天山区')).toBe(
      '新疆维吾尔自治区乌鲁木齐市天山区',
    );
  });
  it('goes no further than the city when no district follows, never into a street', () => {
    expect(mask({ kind: 'address' }, '重庆市解放碑街道100号小区')).toBe('重庆市');
  });
  it('generalises to the city or the province', () => {
    expect(mask({ kind: 'address', level: 'city' }, '四川省成都市武侯区')).toBe('四川省成都市');
    expect(mask({ kind: 'address', level: 'province' }, '四川省成都市武侯区')).toBe('四川省');
    expect(mask({ kind: 'address', level: 'province' }, '重庆市渝中区')).toBe('重庆市');
  });
  it('masks an address it cannot read', () => {
    expect(mask({ kind: 'address' }, '解放碑100号')).toBe('*******');
    expect(mask({ kind: 'address', onMismatch: 'null' }, '解放碑100号')).toBeNull();
  });
});

describe('date, range, null', () => {
  it('keeps the year or the year and month', () => {
    expect(mask({ kind: 'date' }, '1985-03-17', 'D')).toBe('1985');
    expect(mask({ kind: 'date', precision: 'month' }, '1985-03-17', 'D')).toBe('1985-03');
  });
  it('cuts a timestamp in China Standard Time', () => {
    expect(mask({ kind: 'date', precision: 'month' }, new Date('2024-01-31T17:00:00Z'), 'T')).toBe('2024-02');
  });
  it('puts numbers in buckets of a width', () => {
    expect(mask({ kind: 'range', width: 10 }, 34, 'I')).toBe('30-39');
    expect(mask({ kind: 'range', width: 10 }, '175.50', 'N')).toBe('[170,180)');
    expect(mask({ kind: 'range', width: 5, origin: 2 }, 1, 'I')).toBe('-3-1');
  });
  it('puts numbers between explicit bounds', () => {
    const rule: MaskRule = { kind: 'range', bounds: [18, 30, 60] };
    expect(mask(rule, 17, 'I')).toBe('<18');
    expect(mask(rule, 18, 'I')).toBe('18-29');
    expect(mask(rule, 59, 'I')).toBe('30-59');
    expect(mask(rule, 60, 'I')).toBe('≥60');
    expect(mask(rule, null, 'I')).toBeNull();
  });
  it('nulls', () => {
    expect(mask({ kind: 'null' }, '秘密')).toBeNull();
  });
});

describe('free text', () => {
  it('masks IDs, mobile numbers and credit codes inside a sentence', () => {
    const text = '申请人500103198001011234，电话138 1234 5678，单位91500000MA5U123456。';
    expect(mask({ kind: 'free_text' }, text)).toBe(
      '申请人******************，电话***********，单位******************。',
    );
  });
  it('masks only the chosen targets and leaves longer digit runs alone', () => {
    const text = '旧证500103800101123 手机13800001111 订单号12345678901234567890';
    expect(mask({ kind: 'free_text', targets: ['citizen_id'] }, text)).toBe(
      '旧证*************** 手机13800001111 订单号12345678901234567890',
    );
  });
});

describe('pseudonym', () => {
  it('is stable within a grant and differs across grants', () => {
    const one = valueMasker({ kind: 'pseudonym' }, 'C', { pseudonymKey: pseudonymKey(secret, 'grant-1') });
    const two = valueMasker({ kind: 'pseudonym' }, 'C', { pseudonymKey: pseudonymKey(secret, 'grant-2') });
    const a = one('500103198001011234');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(one('500103198001011234')).toBe(a);
    expect(two('500103198001011234')).not.toBe(a);
    expect(one('500103198001011235')).not.toBe(a);
    expect(one(null)).toBeNull();
  });
  it('gives the HMAC-SM3 hex of pseudonym() (OpenSSL), for any text and length', () => {
    const key = pseudonymKey(secret, 'grant-1');
    for (const length of [8, 16, 64]) {
      const masker = valueMasker({ kind: 'pseudonym', length }, 'C', { pseudonymKey: key });
      for (const value of ['', '500103198001011234', '重庆市渝中区解放碑街道 88 号', 'x'.repeat(300), 42])
        expect(masker(value)).toBe(pseudonym(key, value, length));
    }
  });
  it('runs in Node, not in SQL', () => {
    const plan = planMasking([{ field: 'sfzh', column: 'sfzh', type: 'C', rule: { kind: 'pseudonym' } }], {
      pseudonymKey: pseudonymKey(secret, 'g'),
    });
    expect(plan.selectList).toEqual(['"sfzh" AS "sfzh"']);
    expect(plan.nodeSteps.map((s) => s.field)).toEqual(['sfzh']);
  });
});

describe('rules as data', () => {
  it('accepts valid rules and refuses unknown kinds, bad parameters and contradictions', () => {
    expect(parseRule({ kind: 'citizen_id', keepStart: 6, keepEnd: 4 })).toBeDefined();
    expect(parseRule({ kind: 'shuffle' })).toBeUndefined();
    expect(parseRule({ kind: 'mobile', keepStart: -1 })).toBeUndefined();
    expect(parseRule({ kind: 'name', maskChar: '$' })).toBeUndefined();
    expect(parseRule({ kind: 'range' })).toBeUndefined();
    expect(parseRule({ kind: 'range', width: 10, bounds: [1, 2] })).toBeUndefined();
    expect(parseRule({ kind: 'range', bounds: [30, 18] })).toBeUndefined();
  });
  it('says which kinds fit which types', () => {
    expect(fitsType('date', 'N')).toBe(false);
    expect(fitsType('citizen_id', 'D')).toBe(false);
    expect(fitsType('range', 'I')).toBe(true);
    expect(fitsType('null', 'L')).toBe(true);
  });
  it('treats a memo item (备注型) as text: every rule that fits C fits M, and its default redacts', () => {
    for (const kind of ['none', 'null', 'name', 'address', 'free_text', 'pseudonym'] as const)
      expect(fitsType(kind, 'M')).toBe(true);
    expect(fittingRule({ name: '经营范围', fieldName: 'jyfw', dataType: 'M' })).toEqual({
      kind: 'free_text',
    });
    const columns: MaskColumn[] = [{ field: 'jyfw', column: 'jyfw', type: 'M', rule: { kind: 'free_text' } }];
    expect(maskRow({ jyfw: '联系电话13812345678' }, columns).jyfw).not.toContain('13812345678');
  });
  it('refuses to plan a rule on a column it does not fit', () => {
    const columns: MaskColumn[] = [{ field: 'sg', column: 'sg', type: 'N', rule: { kind: 'date' } }];
    expect(() => planMasking(columns)).toThrow(RuleTypeMismatch);
    expect(() => maskRow({ sg: 1 }, columns)).toThrow(RuleTypeMismatch);
  });
});

describe('defaults', () => {
  const defaults = {
    levels: { general: { general: 'none', personal: 'partial', sensitive: 'pseudonym' } },
    unlisted: 'null',
    article: null,
  } as const;
  it('maps a level and a sensitivity to a treatment; an unknown level gets the unlisted one', () => {
    expect(defaultTreatment(defaults, 'general', 'personal')).toBe('partial');
    expect(defaultTreatment(defaults, 'general', 'sensitive')).toBe('pseudonym');
    expect(defaultTreatment(defaults, 'secret_level_9', 'general')).toBe('null');
  });
  it('makes "partial" the rule that fits what the item holds', () => {
    expect(fittingRule({ name: '公民身份号码', fieldName: 'sfzh', dataType: 'C' })).toEqual({
      kind: 'citizen_id',
    });
    expect(fittingRule({ name: '姓名', fieldName: 'xm', dataType: 'C' })).toEqual({ kind: 'name' });
    expect(fittingRule({ name: '联系电话', fieldName: 'lxdh', dataType: 'C' })).toEqual({ kind: 'mobile' });
    expect(fittingRule({ name: '住址', fieldName: 'zz', dataType: 'C' })).toEqual({ kind: 'address' });
    expect(fittingRule({ name: '出生日期', fieldName: 'csrq', dataType: 'D' })).toEqual({
      kind: 'date',
      precision: 'year',
    });
    expect(fittingRule({ name: '备注', fieldName: 'bz', dataType: 'C' })).toEqual({ kind: 'free_text' });
    expect(defaultRule({ name: '是否户主', fieldName: 'sfhz', dataType: 'L' }, 'pseudonym')).toEqual({
      kind: 'null',
    });
  });
});

describe('maskRow', () => {
  it('masks a record and drops fields without a column', () => {
    const columns: MaskColumn[] = [
      { field: 'xm', column: 'xm', type: 'C', rule: { kind: 'name' } },
      { field: 'lxdh', column: 'lxdh', type: 'C', rule: { kind: 'mobile' } },
    ];
    expect(maskRow({ xm: '张三丰', lxdh: '13912345678', secret: 'x' }, columns)).toEqual({
      xm: '张**',
      lxdh: '139****5678',
    });
  });
});

describe('date rule on instants', () => {
  it('cuts every instant in China time, across the 1986–1991 daylight saving years and since', () => {
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    });
    const month = valueMasker({ kind: 'date', precision: 'month' }, 'T');
    // Month boundaries ± a minute, 1985–2030: where a wrong offset would land in the other month.
    for (let year = 1985; year <= 2030; year++)
      for (let m = 0; m < 12; m++)
        for (const shift of [-16, -8, -7.99, 0]) {
          const instant = new Date(Date.UTC(year, m, 1) + shift * 3600 * 1000);
          const parts = Object.fromEntries(reference.formatToParts(instant).map((p) => [p.type, p.value]));
          expect(month(instant)).toBe(`${parts.year}-${parts.month}`);
        }
  });
});
