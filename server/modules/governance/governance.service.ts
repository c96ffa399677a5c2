// The governance module's face to other modules (the only file they may import). No other module needs more
// than one compound's governance today. The parts live in formation/, committees/, decisions/ (with ballots),
// records/ and overview/ (the street's view); shared helpers in governance.common.ts, governance.eligibility.ts
// and governance.repo.ts.
export { getCompoundGovernance } from './overview/compound.view.js';
// Home and map: how many committees are near 换届, and each compound's governance state.
export { committeesNearReelection, governanceStatesOf } from './overview/overview.service.js';
// The maintenance fund pays only on a passed use decision of the part (《规定》 Art 69).
export { developerReportedOn, fundUseStageOf, useDecisionFacts } from './decisions/fund-basis.js';
// Cases: the owners' committee members' accounts, told of a property company's report (《规定》 Art 59).
export { committeeMemberUsers } from './governance.repo.js';
