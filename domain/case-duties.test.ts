import { describe, expect, it } from 'vitest';
import {
  carriesViolationReport,
  checkEnforcementNotice,
  takesEnforcementNotice,
  violationReportState,
} from './case-duties.js';

describe('拆违规定 Art 9: 告示期限自通告发布之日起不少于十日', () => {
  it('ten days after the day of publication is the earliest end (the day itself not counted)', () => {
    expect(checkEnforcementNotice('2025-03-01', '2025-03-11')).toEqual({ ok: true, days: 10 });
    expect(checkEnforcementNotice('2025-03-01', '2025-03-10')).toEqual({
      ok: false,
      reason: 'too_short',
      earliestEnd: '2025-03-11',
    });
    expect(checkEnforcementNotice('2025-03-01', '2025-04-01')).toEqual({ ok: true, days: 31 });
  });

  it('across a month end and a leap day', () => {
    expect(checkEnforcementNotice('2028-02-25', '2028-03-06')).toEqual({ ok: true, days: 10 });
    expect(checkEnforcementNotice('2028-02-25', '2028-03-05')).toMatchObject({
      ok: false,
      earliestEnd: '2028-03-06',
    });
  });

  it('a date that is no date, or an end before the publication, is refused', () => {
    expect(checkEnforcementNotice('2025-02-30', '2025-03-20')).toMatchObject({
      ok: false,
      reason: 'invalid_date',
    });
    expect(checkEnforcementNotice('2025-03-01', '2025-13-01')).toMatchObject({
      ok: false,
      reason: 'invalid_date',
    });
    expect(checkEnforcementNotice('2025-03-01', '2025-02-20')).toMatchObject({
      ok: false,
      reason: 'too_short',
    });
  });

  it('applies to illegal construction only', () => {
    expect(takesEnforcementNotice('illegal_construction')).toBe(true);
    expect(takesEnforcementNotice('noise')).toBe(false);
  });
});

describe('《规定》 Art 59: the property company reports a violation it could not stop', () => {
  it('the duty is a property company’s, on a category with a report clock', () => {
    expect(carriesViolationReport('property_company', true)).toBe(true);
    expect(carriesViolationReport('project_office', true)).toBe(true);
    expect(carriesViolationReport('company_branch', true)).toBe(true);
    expect(carriesViolationReport('property_company', false)).toBe(false);
    expect(carriesViolationReport('department', true)).toBe(false);
    expect(carriesViolationReport(undefined, true)).toBe(false);
  });

  it('dissuading → report due → reported', () => {
    const s = (duty: boolean, reportDueAt: string | null, reportedAt: string | null) =>
      violationReportState({ duty, reportDueAt, reportedAt });
    expect(s(false, null, null)).toBe('none');
    expect(s(true, null, null)).toBe('dissuading');
    expect(s(true, '2026-01-02T00:00:00Z', null)).toBe('reportDue');
    expect(s(true, '2026-01-02T00:00:00Z', '2026-01-01T12:00:00Z')).toBe('reported');
  });
});
