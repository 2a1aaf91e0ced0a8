import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvLines, jsonLines, readAhead } from './serialize.ts';

describe('export serialisers', () => {
  it('quote CSV cells as COPY does and neutralise formulas, leaving plain numbers alone', () => {
    expect(csvCell('重庆市')).toBe('重庆市');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe(' padded');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('""');
    expect(csvCell('\\.')).toBe('\\.');
    expect(csvCell('\\.', true)).toBe('"\\."');
    expect(csvCell(new Date('2024-01-02T03:04:05Z'))).toBe('2024-01-02T03:04:05.000Z');
    for (const formula of ['=1+1', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])
      expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-5.00')).toBe('-5.00');
    expect(csvCell('+1e5')).toBe('+1e5');
    expect(csvCell(-3)).toBe('-3');
  });

  it('write a header of field names and one line per row', () => {
    const columns = [
      { field: 'a', type: 'C' as const },
      { field: 'b', type: 'N' as const },
    ];
    expect(csvHeader(columns)).toBe('a,b\n');
    expect(csvLines(columns, [{ a: 'x', b: '1.50' }, { a: null }, { a: '' }]).toString()).toBe(
      'x,1.50\n,\n"",\n',
    );
    expect(jsonLines(columns, [{ a: 'x', b: '1.50', c: 'dropped' }]).toString()).toBe(
      '{"a":"x","b":"1.50"}\n',
    );
  });

  it('read one element ahead and release the source when stopped early', async () => {
    const pulled: number[] = [];
    let released = false;
    async function* source() {
      try {
        for (let i = 0; i < 10; i++) {
          pulled.push(i);
          yield i;
        }
      } finally {
        released = true;
      }
    }
    for await (const value of readAhead(source())) {
      if (value === 0) expect(pulled).toEqual([0, 1]);
      if (value === 2) break;
    }
    expect(pulled).toEqual([0, 1, 2, 3]);
    expect(released).toBe(true);
  });
});
