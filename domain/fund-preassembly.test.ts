import { describe, expect, it } from 'vitest';
import {
  applicationActionProblem,
  consultationCountsProblem,
  consultationPassed,
  proposalStageProblem,
  type ConsultationCounts,
} from './fund-preassembly.js';

const base: ConsultationCounts = {
  totalCenti: 300_00,
  totalPersons: 3,
  participatingCenti: 200_00,
  participatingPersons: 2,
  agreeingCenti: 100_01,
  agreeingPersons: 2,
};

describe('第七十一条第二款: the consultation of the owners', () => {
  it('passes with two thirds taking part and more than half of them agreeing, at the boundaries', () => {
    expect(consultationPassed(base)).toBe(true);
    expect(consultationPassed({ ...base, participatingCenti: 199_99, agreeingCenti: 100_00 })).toBe(false);
    expect(consultationPassed({ ...base, participatingPersons: 1, agreeingPersons: 1 })).toBe(false);
    expect(consultationPassed({ ...base, agreeingCenti: 100_00 })).toBe(false); // exactly half is not more
    expect(consultationPassed({ ...base, agreeingPersons: 1 })).toBe(false);
    expect(
      consultationPassed({ ...base, totalPersons: 0, participatingPersons: 0, agreeingPersons: 0 }),
    ).toBe(false);
  });

  it('refuses counts that cannot be', () => {
    expect(consultationCountsProblem(base)).toBeNull();
    expect(consultationCountsProblem({ ...base, participatingPersons: 4 })).toBe(
      'consultation_counts_invalid',
    );
    expect(consultationCountsProblem({ ...base, agreeingCenti: 200_01 })).toBe('consultation_counts_invalid');
    expect(consultationCountsProblem({ ...base, agreeingPersons: -1 })).toBe('consultation_counts_invalid');
    expect(consultationCountsProblem({ ...base, agreeingCenti: 1.5 })).toBe('consultation_counts_invalid');
  });
});

describe('第七十一条: who may propose and act when', () => {
  it('proposes only between the developer’s report and the assembly', () => {
    expect(proposalStageProblem('before_report')).toBe('before_developer_report');
    expect(proposalStageProblem('before_assembly')).toBeNull();
    expect(proposalStageProblem('assembly')).toBe('application_assembly_exists');
  });

  it('the residents’ committee consults; the district reviews and pays, only after a passed consultation and a review', () => {
    const proposed = { status: 'proposed' as const, reviewedCostFen: null };
    expect(applicationActionProblem(proposed, 'consult', 'residents_committee')).toBeNull();
    expect(applicationActionProblem(proposed, 'consult', 'district')).toBe('application_not_yours');
    expect(applicationActionProblem(proposed, 'review_cost', 'district')).toBeNull();
    expect(applicationActionProblem(proposed, 'review_cost', 'residents_committee')).toBe(
      'application_not_yours',
    );
    expect(applicationActionProblem(proposed, 'pay', 'district')).toBe('application_wrong_state');
    const consulted = { status: 'consulted' as const, reviewedCostFen: null };
    expect(applicationActionProblem(consulted, 'consult', 'residents_committee')).toBe(
      'application_wrong_state',
    );
    expect(applicationActionProblem(consulted, 'pay', 'district')).toBe('application_cost_not_reviewed');
    expect(applicationActionProblem({ ...consulted, reviewedCostFen: 100 }, 'pay', 'district')).toBeNull();
    expect(
      applicationActionProblem({ ...consulted, reviewedCostFen: 100 }, 'pay', 'residents_committee'),
    ).toBe('application_not_yours');
    for (const status of ['rejected', 'paid'] as const) {
      expect(applicationActionProblem({ status, reviewedCostFen: 100 }, 'review_cost', 'district')).toBe(
        'application_wrong_state',
      );
    }
  });
});
