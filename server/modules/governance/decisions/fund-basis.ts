// What the maintenance fund needs of a decision to pay on it (domain/fund.ts paymentBasisProblem): its compound,
// matter, state, whether it passed, and the part it was taken for. Read inside the payer's transaction.
import { fundUseStage, type FundUseStage } from '../../../../domain/fund-emergency.js';
import type { UseDecisionFacts } from '../../../../domain/fund.js';
import type { Executor } from '../../../platform/db/database.js';
import { fundStageFacts } from '../governance.repo.js';
import * as repo from './decisions.repo.js';

export async function useDecisionFacts(
  db: Executor,
  decisionId: string,
): Promise<(UseDecisionFacts & { id: string; title: string }) | null> {
  const d = await repo.decision(db, decisionId);
  if (!d) return null;
  const result = d.result_json ? (JSON.parse(d.result_json) as { tally: { passed: boolean } }) : null;
  return {
    id: d.id,
    title: d.title,
    compoundId: d.compound_id,
    matter: d.matter,
    status: d.status,
    passed: result?.tally.passed ?? false,
    scope: d.scope,
    buildingIds: JSON.parse(d.building_ids_json) as string[],
  };
}

/** Where the compound stands for the fund's use: before the developer's report, before the assembly, or with one. */
export async function fundUseStageOf(db: Executor, compoundId: string): Promise<FundUseStage> {
  return fundUseStage(await fundStageFacts(db, compoundId));
}

/** The day of the developer's written report on forming the assembly (第七十一条), when it is recorded. */
export async function developerReportedOn(db: Executor, compoundId: string): Promise<string | null> {
  return (await fundStageFacts(db, compoundId)).developerReportedOn;
}
