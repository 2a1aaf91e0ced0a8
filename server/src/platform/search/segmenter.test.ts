import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOV_TERMS_FILE, indexText, indexWords, parseUserDictionary, queryWords } from './segmenter.ts';

describe('indexing words', () => {
  it('indexes every word inside a longer one, so short words find long ones', () => {
    expect(indexWords('市公安局')).toEqual(expect.arrayContaining(['市', '公安', '公安局']));
    // 社会保障 sits inside 社会保障卡 but is longer than the 2–3 characters search mode adds.
    expect(indexWords('社会保障卡发放')).toEqual(
      expect.arrayContaining(['社会保障卡', '社会保障', '社会', '保障']),
    );
  });

  it('keeps government terms whole, besides their parts', () => {
    const words = indexWords('含统一社会信用代码、公民身份号码和不动产登记信息');
    expect(words).toEqual(
      expect.arrayContaining([
        '统一社会信用代码',
        '公民身份号码',
        '不动产登记',
        '统一',
        '信用',
        '身份',
        '不动产',
      ]),
    );
  });

  it('lower-cases Latin words and drops punctuation, spaces, control characters and particles', () => {
    expect(indexText('空气质量指数（AQI）的\u0000数据，CSV 格式')).toBe(
      indexWords('空气质量指数 aqi 数据 csv 格式').join(' '),
    );
    const words = indexWords('公交线路和站点的信息。');
    expect(words).not.toContain('和');
    expect(words).not.toContain('的');
    expect(words).not.toContain('。');
    expect(indexWords('  ，。！  ')).toEqual([]);
  });
});

describe('query words', () => {
  it('cuts a query precisely, with each word’s pieces for text cut differently', () => {
    expect(queryWords('营业执照')).toEqual([{ word: '营业执照', pieces: ['营业', '执照'] }]);
    expect(queryWords('公安')).toEqual([{ word: '公安', pieces: [] }]);
    expect(queryWords('特困人员 救助').map((w) => w.word)).toEqual(['特困人员', '救助']);
    expect(queryWords('特困人员')[0]!.pieces).toEqual(['特困', '人员']);
    expect(queryWords('统一社会信用代码')[0]!.pieces).toEqual(['统一', '社会信用代码']);
    // Single characters are never pieces: 网约车 is not 网 + 约 + 车.
    expect(queryWords('网约车')).toEqual([{ word: '网约车', pieces: [] }]);
  });

  it('finds nothing to search in punctuation, particles or blank text', () => {
    expect(queryWords('，。！？')).toEqual([]);
    expect(queryWords('的 和 与')).toEqual([]);
    expect(queryWords('')).toEqual([]);
    expect(queryWords("' & | ! ( ) :*")).toEqual([]);
  });

  it('drops repeated words and lower-cases Latin ones', () => {
    expect(queryWords('GeoJSON 公交 公交').map((w) => w.word)).toEqual(['geojson', '公交']);
  });
});

describe('the government terms dictionary', () => {
  it('parses terms with and without frequencies and never weakens a word jieba knows', () => {
    expect(
      parseUserDictionary('# comment\n医疗机构\n\n网约车 500 \n学校', (t) => (t === '学校' ? 90_000 : 3)),
    ).toEqual(['医疗机构 20000', '网约车 500', '学校 90000']);
    expect(() => parseUserDictionary('网约车 many')).toThrow(/bad user dictionary line/);
  });

  it('ships a few hundred distinct terms', () => {
    const terms = parseUserDictionary(fs.readFileSync(GOV_TERMS_FILE, 'utf8')).map((l) => l.split(' ')[0]);
    expect(terms.length).toBeGreaterThan(300);
    expect(new Set(terms).size).toBe(terms.length);
    for (const term of ['统一社会信用代码', '公民身份号码', '营业执照', '社会保障卡', '网约车', '低保'])
      expect(terms).toContain(term);
  });
});
