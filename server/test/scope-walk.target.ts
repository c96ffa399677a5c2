// What the data-scope walk probes: the outsider's target ids and the shape of a probe (scope-walk.test.ts).

export const HUAMU = '310115016';

export interface Target {
  compoundId: string;
  compoundName: string;
  compoundCode: string;
  buildingId: string;
  ownerId: string;
  ownerName: string;
  organisationId: string;
  userId: string;
  caseId: string;
  caseNo: string;
  photoId: string;
  // governance ids
  decisionId: string;
  formationId: string;
  committeeId: string;
  memberId: string;
  meetingId: string;
  changeId: string;
  ownerGroupId: string;
  arrearId: string;
  // end of governance ids
  unitId: string; // a unit with a maintenance fund ledger
  emergencyId: string; // an emergency report on the target compound's fund (第七十三条)
  applicationId: string; // a use application before the assembly on the target compound's fund (第七十一条第二款)
}

export type Expectation =
  | { kind: 'public' } // no session needed (health, sign-in)
  | { kind: 'signed-in' } // any signed-in user: 401 without a session, nothing scoped to leak
  | { kind: 'denied' } // out-of-scope user: 403 or 404, and no target data in the body
  | { kind: 'empty-list' } // out-of-scope filter: 200 with no items, or 403/404
  | { kind: 'rejected-write' } // out-of-scope write: 4xx and nothing changes
  | { kind: 'own-upload' }; // a report on the caller's own upload: 200 or 4xx, nothing written, no target data

export interface Probe {
  expect: Expectation;
  request: (t: Target) => { url: string; payload?: unknown; headers?: Record<string, string> };
}
