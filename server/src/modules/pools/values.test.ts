import { describe, expect, it } from 'vitest';
import type { PoolColumn } from './pool-schema.ts';
import { checkValue } from './values.ts';

const column = (dataType: PoolColumn['dataType'], more: Partial<PoolColumn> = {}): PoolColumn => ({
  field: 'f',
  name: '字段',
  dataType,
  length: null,
  scale: null,
  isKey: false,
  required: false,
  check: null,
  column: 'f',
  ...more,
});

describe('value checks', () => {
  it('reads timestamps in the plain export shape and the others, as China time unless a zone is given', () => {
    const time = column('T');
    expect(checkValue(time, '2024-03-01 10:05:09')).toEqual({ text: '2024-03-01 10:05:09+08:00' });
    expect(checkValue(time, '2024/3/1 10:05')).toEqual({ text: '2024-03-01 10:05:00+08:00' });
    expect(checkValue(time, '2024-03-01T10:05:09Z')).toEqual({ text: '2024-03-01 10:05:09+00:00' });
    expect(checkValue(time, '2024-02-30 10:05:09')).toHaveProperty('problem.code', 'pool.value.timestamp');
    expect(checkValue(time, '2024-03-01 24:00:00')).toHaveProperty('problem.code', 'pool.value.timestamp');
    expect(checkValue(time, '2024-03-01 10:60:00')).toHaveProperty('problem.code', 'pool.value.timestamp');
  });

  it('checks citizen IDs once, upper-casing the x', () => {
    const id = column('C', { length: 18, check: 'citizen_id' });
    expect(checkValue(id, '11010519491231002x')).toEqual({ text: '11010519491231002X' });
    expect(checkValue(id, '110105194912310021')).toHaveProperty('problem.code', 'pool.value.citizen_id');
  });
});
