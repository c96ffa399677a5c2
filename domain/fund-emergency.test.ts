import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFromYears } from './calendar.js';
import {
  committeeReviewDeadline,
  emergencyActionProblem,
  fundUseStage,
  missingDocument,
  type EmergencyFacts,
} from './fund-emergency.js';

const cal = calendarFromYears(
  JSON.parse(readFileSync(new URL('../reference/china-holidays.json', import.meta.url), 'utf8')),
);

describe('the stage of a compound for the fund (《规定》第七十一条)', () => {
  it('is closed before the developer’s report, consultation before the assembly, the assembly after', () => {
    expect(fundUseStage({ developerReported: false, assemblyFormed: false })).toBe('before_report');
    expect(fundUseStage({ developerReported: true, assemblyFormed: false })).toBe('before_assembly');
    // A formed assembly implies the report was made, whatever was recorded of it.
    expect(fundUseStage({ developerReported: false, assemblyFormed: true })).toBe('assembly');
  });
});

describe('the committee’s seven days (第七十三条第三款(二); 民法典第二百零一条至第二百零三条)', () => {
  it('counts from the day after the report', () => {
    expect(committeeReviewDeadline(cal, '2026-11-30')).toBe('2026-12-07');
    expect(committeeReviewDeadline(cal, '2026-12-03')).toBe('2026-12-10');
  });
  it('moves a last day that is a day off to the next working day', () => {
    expect(committeeReviewDeadline(cal, '2026-12-05')).toBe('2026-12-14'); // Sat 12-12 → Mon 12-14
    expect(committeeReviewDeadline(cal, '2026-09-24')).toBe('2026-10-08'); // 10-01 National Day → 10-08
  });
});

const facts = (over: Partial<EmergencyFacts> = {}): EmergencyFacts => ({
  stage: 'assembly',
  status: 'reported',
  reportedOn: '2026-11-30',
  committeeDueOn: '2026-12-07',
  safetyAffected: true,
  reviewedCostFen: null,
  ...over,
});

describe('who approves, orders and pays (第七十三条第三款)', () => {
  it('the committee approves with an assembly, the 房管机构 before it', () => {
    expect(emergencyActionProblem(facts(), 'approve', 'committee', '2026-12-01')).toBeNull();
    expect(emergencyActionProblem(facts(), 'approve', 'housing', '2026-12-01')).toBe('emergency_not_yours');
    const early = facts({ stage: 'before_assembly', committeeDueOn: null });
    expect(emergencyActionProblem(early, 'approve', 'housing', '2026-12-01')).toBeNull();
    expect(emergencyActionProblem(early, 'approve', 'committee', '2026-12-01')).toBe('emergency_not_yours');
  });

  it('代为维修 only after the seventh day, with use or safety affected, and only with an assembly', () => {
    expect(emergencyActionProblem(facts(), 'order_repair', 'housing', '2026-12-07')).toBe(
      'emergency_committee_time_left',
    );
    expect(emergencyActionProblem(facts(), 'order_repair', 'housing', '2026-12-08')).toBeNull();
    expect(
      emergencyActionProblem(facts({ safetyAffected: false }), 'order_repair', 'housing', '2026-12-08'),
    ).toBe('emergency_safety_not_affected');
    expect(emergencyActionProblem(facts(), 'order_repair', 'committee', '2026-12-08')).toBe(
      'emergency_not_yours',
    );
    expect(
      emergencyActionProblem(
        facts({ stage: 'before_assembly', committeeDueOn: null }),
        'order_repair',
        'housing',
        '2026-12-08',
      ),
    ).toBe('emergency_wrong_state');
    expect(
      emergencyActionProblem(facts({ status: 'approved' }), 'order_repair', 'housing', '2026-12-08'),
    ).toBe('emergency_wrong_state');
  });

  it('pays only on a reviewed cost, by the committee it approved, by the district otherwise', () => {
    const approved = facts({ status: 'approved' });
    expect(emergencyActionProblem(approved, 'pay', 'committee', '2026-12-02')).toBe(
      'emergency_cost_not_reviewed',
    );
    const reviewed = { ...approved, reviewedCostFen: 1_280_050 };
    expect(emergencyActionProblem(reviewed, 'pay', 'committee', '2026-12-02')).toBeNull();
    expect(emergencyActionProblem(reviewed, 'pay', 'housing', '2026-12-02')).toBe('emergency_not_yours');
    const ordered = { ...reviewed, status: 'district_ordered' as const };
    expect(emergencyActionProblem(ordered, 'pay', 'housing', '2026-12-09')).toBeNull();
    expect(emergencyActionProblem(ordered, 'pay', 'committee', '2026-12-09')).toBe('emergency_not_yours');
    const direct = { ...reviewed, stage: 'before_assembly' as const, committeeDueOn: null };
    expect(emergencyActionProblem(direct, 'pay', 'housing', '2026-12-02')).toBeNull(); // 直接列支
    expect(emergencyActionProblem(facts(), 'pay', 'committee', '2026-12-02')).toBe('emergency_wrong_state');
  });

  it('nothing more happens to a paid or refused report', () => {
    for (const status of ['paid', 'refused'] as const) {
      for (const action of ['approve', 'refuse', 'review_cost', 'pay', 'order_repair'] as const)
        expect(emergencyActionProblem(facts({ status }), action, 'housing', '2026-12-09')).not.toBeNull();
    }
  });
});

describe('the document each situation needs (第七十三条第二款)', () => {
  it('none for a pump or tank; the named body’s document for the others', () => {
    expect(missingDocument('pump_tank', null)).toBeNull();
    expect(missingDocument('lift', null)).toBe('inspection_notice');
    expect(missingDocument('lift', { issuer: '市特种设备监督检验技术研究院', number: '' })).toBe(
      'inspection_notice',
    );
    expect(
      missingDocument('lift', { issuer: '市特种设备监督检验技术研究院', number: 'JY-2026-118' }),
    ).toBeNull();
    expect(missingDocument('fire_system', { issuer: ' ', number: 'X1' })).toBe('fire_notice');
    expect(missingDocument('facade', null)).toBe('appraisal');
    expect(missingDocument('leak', null)).toBe('appraisal');
  });
});
