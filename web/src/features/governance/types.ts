// Governance DTO types inferred (type-only) from the zod contracts in contracts/governance.ts.
import type { z } from 'zod';
import type {
  Arrear,
  ArrearInput,
  Ballot,
  BallotLookup,
  BallotReceipt,
  Committee,
  CommitteeActionBody,
  CommitteeChangeActionBody,
  CommitteeChangeInput,
  CommitteeElectionBody,
  Decision,
  DecisionActionBody,
  DecisionInput,
  DecisionListItem,
  DecisionResult,
  EligibilityView,
  FormationActionBody,
  GovernanceCompound,
  Invitations,
  MeetingInput,
  MeetingPublishBody,
  NoticeBoard,
  OverviewItem,
  OwnerGroupInput,
  RollItem,
  Task,
  TrainingInput,
} from '../../../../contracts/governance';

export type OverviewItemDto = z.infer<typeof OverviewItem>;
export type TaskDto = z.infer<typeof Task>;
export type GovernanceCompoundDto = z.infer<typeof GovernanceCompound>;
export type FormationDto = NonNullable<GovernanceCompoundDto['formation']>;
export type CommitteeDto = z.infer<typeof Committee>;
export type CommitteeMemberDto = CommitteeDto['members'][number];
export type DecisionDto = z.infer<typeof Decision>;
export type DecisionListItemDto = z.infer<typeof DecisionListItem>;
export type DecisionResultDto = z.infer<typeof DecisionResult>;
export type InvitationsDto = z.infer<typeof Invitations>;
export type RollItemDto = z.infer<typeof RollItem>;
export type BallotDto = z.infer<typeof Ballot>;
export type BallotLookupDto = z.infer<typeof BallotLookup>;
export type BallotReceiptDto = z.infer<typeof BallotReceipt>;
export type EligibilityDto = z.infer<typeof EligibilityView>;
export type DecisionInputDto = z.input<typeof DecisionInput>;
export type DecisionActionDto = z.input<typeof DecisionActionBody>;
export type FormationActionDto = z.input<typeof FormationActionBody>;
export type CommitteeActionDto = z.input<typeof CommitteeActionBody>;
export type CommitteeElectionDto = z.input<typeof CommitteeElectionBody>;
export type MeetingInputDto = z.input<typeof MeetingInput>;
export type MeetingDto = CommitteeDto['meetings'][number];
export type MeetingPublishDto = z.input<typeof MeetingPublishBody>;
export type CommitteeChangeDto = CommitteeDto['changes'][number];
export type CommitteeChangeInputDto = z.input<typeof CommitteeChangeInput>;
export type CommitteeChangeActionDto = z.input<typeof CommitteeChangeActionBody>;
export type TrainingDto = CommitteeDto['trainings'][number];
export type TrainingInputDto = z.input<typeof TrainingInput>;
export type OwnerGroupDto = GovernanceCompoundDto['ownerGroups'][number];
export type OwnerGroupInputDto = z.input<typeof OwnerGroupInput>;
export type ArrearDto = z.infer<typeof Arrear>;
export type ArrearInputDto = z.input<typeof ArrearInput>;
export type NoticeBoardDto = z.infer<typeof NoticeBoard>;
