import { describe, expect, it } from 'vitest';
import { rankUnits } from './kpi-ranking.js';

const row = (name: string, total: number, onTimeRate: number | null) => ({
  key: name,
  name,
  total,
  onTimeRate,
});
const rate = (r: { onTimeRate: number | null }) => r.onTimeRate;

describe('rankUnits (红黑榜)', () => {
  it('puts the five highest rates on the red list and the five lowest on the black list', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`街道${String(i).padStart(2, '0')}`, 10, i / 20));
    const r = rankUnits(rows, rate);
    expect(r.eligible).toBe(12);
    expect(r.red.map((u) => u.name)).toEqual(['街道11', '街道10', '街道09', '街道08', '街道07']);
    expect(r.black.map((u) => u.name)).toEqual(['街道00', '街道01', '街道02', '街道03', '街道04']);
  });

  it('leaves out units with fewer than 3 cases and units with nothing to measure', () => {
    const r = rankUnits([row('甲', 2, 1), row('乙', 3, 0.5), row('丙', 30, null), row('丁', 4, 0.9)], rate);
    expect(r.eligible).toBe(2);
    expect(r.red.map((u) => u.name)).toEqual(['丁']);
    expect(r.black.map((u) => u.name)).toEqual(['乙']);
  });

  it('splits few units between the lists so none is on both', () => {
    const rows = [
      row('甲', 5, 0.9),
      row('乙', 5, 0.8),
      row('丙', 5, 0.7),
      row('丁', 5, 0.6),
      row('戊', 5, 0.5),
    ];
    const r = rankUnits(rows, rate);
    expect(r.red.map((u) => u.name)).toEqual(['甲', '乙', '丙']);
    expect(r.black.map((u) => u.name)).toEqual(['戊', '丁']);
    expect(rankUnits([row('甲', 5, 0.9)], rate)).toEqual({
      red: [{ key: '甲', name: '甲', total: 5, rate: 0.9 }],
      black: [],
      eligible: 1,
    });
    expect(rankUnits([], rate)).toEqual({ red: [], black: [], eligible: 0 });
  });

  it('breaks ties by the number of cases (more first), then by name', () => {
    const rows = [
      row('乙', 5, 1),
      row('甲', 5, 1),
      row('丙', 9, 1),
      row('丁', 9, 0.2),
      row('戊', 3, 0.2),
      row('己', 3, 0.2),
    ];
    const r = rankUnits(rows, rate);
    expect(r.red.map((u) => u.name)).toEqual(['丙', '甲', '乙']);
    expect(r.black.map((u) => u.name)).toEqual(['丁', '己', '戊']);
  });
});
