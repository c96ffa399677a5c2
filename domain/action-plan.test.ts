import { describe, expect, it } from 'vitest';
import {
  milestoneState,
  parseMilestones,
  progressOf,
  rollUp,
  splitNames,
  taskState,
  validatePlanRow,
} from './action-plan.js';

describe('milestone due state (Shanghai dates)', () => {
  it('is overdue only from the day after its date, due soon within 30 days, done when done', () => {
    expect(milestoneState('2026-06-30', '2026-06-30', null)).toBe('due_soon');
    expect(milestoneState('2026-07-01', '2026-06-30', null)).toBe('overdue');
    expect(milestoneState('2026-05-31', '2026-06-30', null)).toBe('due_soon'); // exactly 30 days
    expect(milestoneState('2026-05-30', '2026-06-30', null)).toBe('on_track'); // 31 days
    expect(milestoneState('2026-09-01', '2026-06-30', '2026-07-15')).toBe('done'); // late but done
  });
});

describe('progress roll-up', () => {
  const today = '2026-11-26';
  const t1 = {
    leadOrgId: 'a',
    units: ['310115', '310115007'],
    milestones: [
      { dueOn: '2026-03-31', doneOn: '2026-03-20' },
      { dueOn: '2026-10-31', doneOn: null },
      { dueOn: '2027-06-30', doneOn: null },
    ],
  };
  const t2 = { leadOrgId: 'b', units: ['310104'], milestones: [{ dueOn: '2026-12-20', doneOn: null }] };
  const t3 = { leadOrgId: 'a', units: [], milestones: [] };

  it('per task: share done rounded down, overdue and due soon counted', () => {
    expect(progressOf(today, t1.milestones)).toEqual({
      done: 1,
      total: 3,
      percent: 33,
      overdue: 1,
      dueSoon: 0,
    });
    expect(progressOf(today, [])).toEqual({ done: 0, total: 0, percent: 0, overdue: 0, dueSoon: 0 });
    expect(taskState(progressOf(today, t1.milestones))).toBe('overdue');
    expect(taskState(progressOf(today, t2.milestones))).toBe('due_soon');
    expect(taskState(progressOf(today, [{ dueOn: '2026-01-01', doneOn: '2026-01-01' }]))).toBe('done');
    expect(taskState(progressOf(today, []))).toBe('on_track');
  });

  it('per lead, per district (a street counts once in its district) and overall', () => {
    const r = rollUp(today, [t1, t2, t3]);
    expect(r.overall).toMatchObject({ done: 1, total: 4, percent: 25, tasks: 3, overdue: 1, dueSoon: 1 });
    expect(r.byLead.map((x) => [x.orgId, x.tasks, x.done, x.total])).toEqual([
      ['a', 2, 1, 3],
      ['b', 1, 0, 1],
    ]);
    expect(r.byDistrict.map((x) => [x.districtCode, x.tasks, x.total])).toEqual([
      ['310104', 1, 1],
      ['310115', 1, 3],
    ]);
  });
});

describe('imported rows', () => {
  it('reads 时间节点 as dates, month ends and lines; refuses an entry without a date', () => {
    expect(parseMilestones('2026年6月底 出台实施办法；2025-12-31 完成调研')).toEqual([
      { dueOn: '2025-12-31', title: '完成调研' },
      { dueOn: '2026-06-30', title: '出台实施办法' },
    ]);
    expect(parseMilestones('2027年2月 全面推开\n2026年1月15日')).toEqual([
      { dueOn: '2026-01-15', title: '完成' },
      { dueOn: '2027-02-28', title: '全面推开' },
    ]);
    expect(parseMilestones('年底前完成')).toBeNull();
    expect(parseMilestones('2026-02-30 完成')).toBeNull();
    expect(parseMilestones('2026年13月 完成')).toBeNull();
  });

  it('splits department lists on 、，；/ and drops repeats', () => {
    expect(splitNames('市房管局、市城管执法局；市房管局 / 区政府')).toEqual([
      '市房管局',
      '市城管执法局',
      '区政府',
    ]);
    expect(splitNames(null)).toEqual([]);
  });

  const row = {
    seq: '1',
    goal: null,
    title: '完善业委会组建',
    content: '推进业主大会和业委会组建',
    milestones: '2026年6月底 完成',
    lead: '上海市房屋管理局',
    cooperating: '民政局',
    units: '浦东新区',
  };
  it('accepts a complete row and names every problem of a bad one', () => {
    expect(validatePlanRow(row)).toMatchObject({ row: { seq: 1, units: ['浦东新区'] } });
    const bad = validatePlanRow({
      ...row,
      seq: '1.5',
      title: ' ',
      milestones: '尽快',
      cooperating: '上海市房屋管理局',
    });
    expect('problems' in bad && bad.problems.map((p) => `${p.key}:${p.code}`)).toEqual([
      'title:required',
      'seq:seq_invalid',
      'milestones:milestones_invalid',
      'cooperating:lead_also_cooperating',
    ]);
    const many = Array.from({ length: 13 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')} 节点`).join(
      '；',
    );
    expect(validatePlanRow({ ...row, milestones: many })).toEqual({
      problems: [{ key: 'milestones', code: 'too_many_milestones' }],
    });
  });
});
