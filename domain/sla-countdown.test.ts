import { describe, expect, it } from 'vitest';
import { slaCountdown } from './sla-countdown.js';

// Shanghai is UTC+8: 2026-12-03T16:00Z is 12月4日 00:00, i.e. 12月3日 24:00.
const DUE = '2026-12-03T16:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('slaCountdown', () => {
  it('no running deadline: no badge', () => {
    expect(slaCountdown(at('2026-12-01T00:00:00Z'), null, 'none')).toEqual({ state: 'none', label: null });
  });

  it('less than an hour left: minutes, at least one', () => {
    const c = slaCountdown(at('2026-12-03T15:20:30Z'), DUE, 'warning');
    expect(c).toEqual({ state: 'warning', label: { zh: '剩 39 分钟', en: '39 minutes left' } });
    expect(slaCountdown(at('2026-12-03T15:59:59.500Z'), DUE, 'ok').label?.zh).toBe('剩 1 分钟');
  });

  it('less than a day left: whole hours, rounded down', () => {
    expect(slaCountdown(at('2026-12-03T12:10:00Z'), DUE, 'ok')).toEqual({
      state: 'ok',
      label: { zh: '剩 3 小时', en: '3 hours left' },
    });
    expect(slaCountdown(at('2026-12-02T16:00:00.001Z'), DUE, 'ok').label?.zh).toBe('剩 23 小时');
  });

  it('a day or more left: whole days, rounded down', () => {
    // 12月2日 00:00 → ends 12月3日 24:00: exactly 48 h, two days.
    expect(slaCountdown(at('2026-12-01T16:00:00Z'), DUE, 'ok').label?.zh).toBe('剩 2 天');
    // 12月3日 00:00 (24 h before): one day.
    expect(slaCountdown(at('2026-12-02T16:00:00Z'), DUE, 'ok').label).toEqual({
      zh: '剩 1 天',
      en: '1 day left',
    });
    // 12月2日 23:00 Shanghai, 25 h before.
    expect(slaCountdown(at('2026-12-02T15:00:00Z'), DUE, 'ok').label?.zh).toBe('剩 1 天');
  });

  it('overdue: minutes, hours, then whole days elapsed; overdue whatever the stored state says', () => {
    expect(slaCountdown(at('2026-12-03T16:00:00.001Z'), DUE, 'ok')).toEqual({
      state: 'overdue',
      label: { zh: '超时 1 分钟', en: '1 minute overdue' },
    });
    expect(slaCountdown(at('2026-12-03T21:30:00Z'), DUE, 'warning').label?.zh).toBe('超时 5 小时');
    expect(slaCountdown(at('2026-12-04T16:00:00Z'), DUE, 'overdue').label?.zh).toBe('超时 1 天');
    expect(slaCountdown(at('2026-12-06T04:00:00Z'), DUE, 'overdue').label).toEqual({
      zh: '超时 2 天',
      en: '2 days overdue',
    });
  });

  it('the exact deadline instant is not yet overdue', () => {
    expect(slaCountdown(at(DUE), DUE, 'warning').state).toBe('warning');
  });
});
