import { describe, expect, it } from 'vitest';
import { naturalCompare, naturallySorted } from './natural-order.js';

describe('natural order of unit numbers and building names', () => {
  it('puts 1001 after 102, and 2号楼 before 10号楼', () => {
    expect(['1001', '102', '101', '201', '1002'].sort(naturalCompare)).toEqual([
      '101',
      '102',
      '201',
      '1001',
      '1002',
    ]);
    expect(naturallySorted(['10号楼', '2号楼', '1号楼', '12号楼'], (x) => x)).toEqual([
      '1号楼',
      '2号楼',
      '10号楼',
      '12号楼',
    ]);
  });

  it('orders mixed labels by their numbers, then text, and is stable for equal labels', () => {
    expect(['B-10', 'B-9', 'A-2', 'A-10'].sort(naturalCompare)).toEqual(['A-2', 'A-10', 'B-9', 'B-10']);
    expect(naturalCompare('101', '101')).toBe(0);
    expect(naturalCompare('1201', '1201A')).toBeLessThan(0);
  });
});
