import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFromYears, formatShanghai, type BusinessCalendar } from './calendar.js';
import {
  deadline,
  dueState,
  policyFor,
  CLOCK_STARTS,
  pausesWhileSuspended,
  policyMatches,
  SLA_STAGE_LABELS,
  SLA_STAGES,
  type SlaFacts,
  type SlaPolicy,
  type SlaStage,
} from './sla.js';

/** The shipped SLA policies (reference/sla-policies.json) and holiday calendar. */
const SHIPPED: SlaPolicy[] = JSON.parse(
  readFileSync(new URL('../reference/sla-policies.json', import.meta.url), 'utf8'),
).policies;
const cal = calendarFromYears(
  JSON.parse(readFileSync(new URL('../reference/china-holidays.json', import.meta.url), 'utf8')),
);

const facts = (categoryCode: string, channel = 'residentWeb', attributes: SlaFacts['attributes'] = {}) => ({
  categoryCode,
  channel,
  attributes,
});
const policy = (over: Partial<SlaPolicy> & Pick<SlaPolicy, 'id'>): SlaPolicy => ({
  stage: 'resolve',
  categoryCode: null,
  channel: null,
  conditions: {},
  duration: '5wd',
  warnBeforeMinutes: 0,
  escalateOnOverdue: false,
  sourceKind: 'unverified',
  sourceRef: 'test',
  ...over,
});
const chosen = (f: SlaFacts, stage: SlaStage, policies: readonly SlaPolicy[] = SHIPPED) =>
  policyFor(policies, stage, f)?.id ?? null;

describe('policyMatches', () => {
  it('matches the stage, the category (exact or prefix), the channel and every condition', () => {
    const p = policy({
      id: 'p',
      stage: 'arrive',
      categoryCode: 'illegal_construction',
      channel: 'gridInspection',
      conditions: { underConstruction: true },
    });
    const f = facts('illegal_construction', 'gridInspection', { underConstruction: true });
    expect(policyMatches(p, 'arrive', f)).toBe(true);
    expect(policyMatches(p, 'resolve', f)).toBe(false);
    expect(policyMatches(p, 'arrive', { ...f, channel: 'hotline12345' })).toBe(false);
    expect(policyMatches(p, 'arrive', { ...f, categoryCode: 'illegal_construction.x' })).toBe(false);
    expect(policyMatches(p, 'arrive', { ...f, attributes: { underConstruction: 'true' } })).toBe(false);
    expect(policyMatches(p, 'arrive', { ...f, attributes: {} })).toBe(false);
    const prefix = policy({ id: 'q', categoryCode: 'repair.urgent.*' });
    expect(policyMatches(prefix, 'resolve', facts('repair.urgent.gas_leak'))).toBe(true);
    expect(policyMatches(prefix, 'resolve', facts('repair.ordinary'))).toBe(false);
    expect(policyMatches(policy({ id: 'r' }), 'resolve', facts('anything', 'any'))).toBe(true);
  });
});

describe('policyFor: the most specific policy per stage (shipped policies)', () => {
  it('falls back to the city-wide defaults', () => {
    expect(chosen(facts('noise'), 'accept')).toBe('S001'); // 24h
    expect(chosen(facts('noise'), 'sign')).toBe('S002'); // 1wd
    expect(chosen(facts('noise'), 'resolve')).toBe('S003'); // 5wd
    expect(chosen(facts('noise'), 'arrive')).toBeNull(); // no on-site clock for noise
  });

  it('a prefix beats the default, an exact category beats the prefix, a condition refines it', () => {
    expect(chosen(facts('repair.urgent.gas_leak'), 'resolve')).toBe('S005'); // repair.urgent.*
    expect(chosen(facts('repair.urgent.gas_leak'), 'arrive')).toBe('S004');
    expect(chosen(facts('repair.urgent.gas_leak'), 'sign')).toBe('S013');
    expect(chosen(facts('repair.urgent.water_outage'), 'resolve')).toBe('S006'); // exact
    expect(chosen(facts('repair.urgent.water_burst', 'x', { meterPosition: 'before' }), 'resolve')).toBe(
      'S007',
    );
    expect(chosen(facts('repair.urgent.water_burst', 'x', { meterPosition: 'after' }), 'resolve')).toBe(
      'S005',
    );
    expect(chosen(facts('illegal_construction', 'x', { underConstruction: true }), 'arrive')).toBe('S010');
    expect(chosen(facts('illegal_construction', 'x', { underConstruction: false }), 'arrive')).toBe('S009');
    // 拆违规定 Art 5 clocks the feedback to the reporter, not the resolution (issue 14 item 1).
    expect(chosen(facts('illegal_construction'), 'feedback')).toBe('S011');
    expect(chosen(facts('illegal_construction'), 'resolve')).toBe('S003');
    expect(chosen(facts('noise'), 'feedback')).toBeNull();
    // 《规定》 Art 59: the property company's 24-hour report, on the violation categories only.
    expect(chosen(facts('illegal_construction'), 'report')).toBe('S014');
    expect(chosen(facts('group_renting'), 'report')).toBe('S015');
    expect(chosen(facts('repair.ordinary'), 'report')).toBeNull();
  });

  it('a channel policy applies only to its channel', () => {
    expect(chosen(facts('other', 'hotline12345'), 'resolve')).toBe('S012');
    expect(chosen(facts('other', 'residentWeb'), 'resolve')).toBe('S003');
  });

  it('every stage of every shipped category has at most one best policy, whatever the order', () => {
    const categories = [...new Set(SHIPPED.map((p) => p.categoryCode).filter((c) => c && !c.endsWith('*')))];
    for (const c of [...categories, 'noise', 'repair.urgent.lift_trapped'] as string[]) {
      for (const stage of SLA_STAGES) {
        const f = facts(c, 'hotline12345', { meterPosition: 'before', underConstruction: true });
        expect(chosen(f, stage, [...SHIPPED].reverse()), `${c} ${stage}`).toBe(chosen(f, stage));
      }
    }
  });
});

describe('policyFor ties are decided by the data, not by the order the database returns the rows', () => {
  // Bug (fixed): policyFor kept the first of equally specific policies, and the cases module reads them
  // without ORDER BY — so SQLite and PostgreSQL could time the same case differently.
  it('a longer category prefix is more specific than a shorter one', () => {
    const rules = [
      policy({ id: 'A', categoryCode: 'repair.*', duration: '3d' }),
      policy({ id: 'B', categoryCode: 'repair.urgent.*', duration: '24h' }),
    ];
    expect(chosen(facts('repair.urgent.gas_leak'), 'resolve', rules)).toBe('B');
    expect(chosen(facts('repair.urgent.gas_leak'), 'resolve', [...rules].reverse())).toBe('B');
  });

  it('equally specific policies: the smaller id', () => {
    const rules = [
      policy({ id: 'P2', categoryCode: 'noise', conditions: { time: 'night' } }),
      policy({ id: 'P1', categoryCode: 'noise', conditions: { place: 'street' } }),
    ];
    const f = facts('noise', 'x', { time: 'night', place: 'street' });
    expect(chosen(f, 'resolve', rules)).toBe('P1');
    expect(chosen(f, 'resolve', [...rules].reverse())).toBe('P1');
  });

  it('a channel outweighs any number of conditions; the category outweighs the channel', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, 'v']));
    const f = facts('noise', 'hotline12345', many);
    const rules = [
      policy({ id: 'conditions', categoryCode: 'noise', conditions: many }),
      policy({ id: 'channel', categoryCode: 'noise', channel: 'hotline12345' }),
    ];
    expect(chosen(f, 'resolve', rules)).toBe('channel');
    expect(chosen(f, 'resolve', [...rules].reverse())).toBe('channel');
    const byCategory = [
      policy({ id: 'cat', categoryCode: 'noise' }),
      policy({ id: 'chan', channel: 'hotline12345', conditions: many }),
    ];
    expect(chosen(f, 'resolve', byCategory)).toBe('cat');
  });
});

describe('deadline', () => {
  const at = (start: string, duration: string, c: BusinessCalendar = cal) =>
    formatShanghai(deadline(c, new Date(start), policy({ id: 'x', duration })));

  it('h and d are elapsed time; wd ends at 24:00 of the N-th working day', () => {
    expect(at('2026-09-30T10:00:00+08:00', '24h')).toBe('2026-10-01T10:00:00+08:00');
    expect(at('2026-09-30T10:00:00+08:00', '3d')).toBe('2026-10-03T10:00:00+08:00');
    expect(at('2026-09-30T10:00:00+08:00', '1wd')).toBe('2026-10-09T00:00:00+08:00'); // National Day
    expect(at('2026-11-26T09:00:00+08:00', '5wd')).toBe('2026-12-04T00:00:00+08:00');
  });

  it('a broken duration in the data throws', () => {
    expect(() => at('2026-11-26T09:00:00+08:00', '5 wd')).toThrow(/invalid duration/);
    expect(() => at('2026-11-26T09:00:00+08:00', '0h')).toThrow(/invalid duration/);
  });
});

describe('the statutory clocks as shipped (issue 14 items 1–4)', () => {
  const byId = new Map(SHIPPED.map((p) => [p.id, p]));
  const due = (id: string, start: string) => formatShanghai(deadline(cal, new Date(start), byId.get(id)!));

  it('S011 拆违规定 Art 5: one calendar month to feed back, ending 24:00 (not 30 days)', () => {
    const p = byId.get('S011')!;
    expect([p.stage, p.duration, p.sourceKind]).toEqual(['feedback', '1mo', 'law']);
    expect(p.sourceRef).toMatch(/Art 5.*反馈举报人/);
    expect(due('S011', '2025-02-03T10:00:00+08:00')).toBe('2025-03-04T00:00:00+08:00'); // 03-03 24:00
    expect(due('S011', '2025-01-31T10:00:00+08:00')).toBe('2025-03-01T00:00:00+08:00'); // 02-28 24:00
    expect(due('S011', '2026-09-01T10:00:00+08:00')).toBe('2026-10-09T00:00:00+08:00'); // after National Day
  });

  it('S009 / S010 拆违规定 Art 7: 24 hours, 2 hours while under construction, elapsed', () => {
    expect(due('S009', '2026-09-30T23:00:00+08:00')).toBe('2026-10-01T23:00:00+08:00');
    expect(due('S010', '2026-09-30T23:00:00+08:00')).toBe('2026-10-01T01:00:00+08:00');
  });

  it('S006 / S007 cite 《上海市供水管理条例》 Art 26 ¶1 (not Art 25)', () => {
    for (const id of ['S006', 'S007'])
      expect(byId.get(id)!.sourceRef).toMatch(/^《上海市供水管理条例》 Art 26 ¶1/);
    expect(SHIPPED.some((p) => /供水管理条例》 Art 25/.test(p.sourceRef))).toBe(false);
  });

  it('the statutory clocks never pause; the others do', () => {
    for (const p of SHIPPED) expect(pausesWhileSuspended(p), p.id).toBe(p.sourceKind !== 'law');
    expect(pausesWhileSuspended(byId.get('S009')!)).toBe(false);
    expect(pausesWhileSuspended(byId.get('S004')!)).toBe(true); // 急修 2 h to site: a default, pauses
    expect(pausesWhileSuspended(null)).toBe(true);
  });

  it('every stage has words, and the on-site and feedback clocks start at the dispatch', () => {
    for (const stage of SLA_STAGES) expect(SLA_STAGE_LABELS[stage].zh).not.toBe('');
    expect(CLOCK_STARTS.arrive).toBe('dispatch');
    expect(CLOCK_STARTS.feedback).toBe('dispatch');
  });
});

describe('dueState', () => {
  const due = new Date('2026-11-26T10:00:00Z');
  const minus = (ms: number) => new Date(due.getTime() - ms);

  it('none without a deadline', () => {
    expect(dueState(new Date(), null, 60)).toBe('none');
  });

  it('overdue only after the deadline instant', () => {
    expect(dueState(new Date(due.getTime() + 1), due, 0)).toBe('overdue');
    expect(dueState(due, due, 0)).toBe('ok'); // at the deadline it is still met
    expect(dueState(due, due, 30)).toBe('warning');
  });

  it('warning within warnBeforeMinutes (inclusive), ok before', () => {
    expect(dueState(minus(30 * 60_000), due, 30)).toBe('warning');
    expect(dueState(minus(30 * 60_000 + 1), due, 30)).toBe('ok');
    expect(dueState(minus(1), due, 30)).toBe('warning');
    expect(dueState(minus(1), due, 0)).toBe('ok'); // 0 = no warning
  });
});
