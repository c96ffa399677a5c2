import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, IMPORT_KINDS } from '../../../contracts/transfer.js';
import { hasMessage } from '../../platform/http/messages.js';
import { registerAllMessages } from '../../messages.js';
import { normaliseHeader } from '../../platform/spreadsheet.js';

registerAllMessages();

describe('transfer messages and columns', () => {
  it('has a zh-CN/en message for every row problem the validators report', () => {
    const source = readFileSync(new URL('./transfer.import.ts', import.meta.url), 'utf8');
    const codes = new Set([...source.matchAll(/problem\([^,()]+, '([a-z_]+)'/g)].map((m) => m[1]));
    for (const reason of ['too_many_decimals', 'negative', 'too_large']) codes.add(`area_${reason}`);
    codes.add('required');
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) expect(hasMessage(`transfer.row.${code}`), code).toBe(true);
  });

  it('recognises every column by its Chinese label, key and English label, without clashes', () => {
    for (const kind of IMPORT_KINDS) {
      const seen = new Map<string, string>();
      for (const c of IMPORT_COLUMNS[kind]) {
        for (const label of [c.zh, c.key, c.en, ...(c.aliases ?? [])]) {
          const n = normaliseHeader(label);
          expect(seen.get(n) ?? c.key, `${kind}: ${label}`).toBe(c.key);
          seen.set(n, c.key);
        }
      }
    }
    expect(normaliseHeader('建筑面积（㎡）')).toBe(normaliseHeader('建筑面积'));
    expect(normaliseHeader('Building area (m²)')).toBe(normaliseHeader('buildingArea'));
    expect(normaliseHeader(' 小区编码* ')).toBe('小区编码');
  });
});
