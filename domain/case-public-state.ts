// What a reporter is told about a case: the internal steps (立案, 派遣, 签收, 挂起, 核查 …) summarised into the
// few states a resident or owner understands. Staff see CASE_STATUS_LABELS; a reporter sees these. Pure.
import type { CaseStatus } from './case-lifecycle.js';

export const PUBLIC_CASE_STATES = [
  'received',
  'inProgress',
  'checking',
  'done',
  'declined',
  'merged',
] as const;
export type PublicCaseState = (typeof PUBLIC_CASE_STATES)[number];

export const PUBLIC_CASE_STATE_LABELS: Record<PublicCaseState, { zh: string; en: string }> = {
  received: { zh: '已收到，等待受理', en: 'Received, awaiting acceptance' },
  inProgress: { zh: '正在办理', en: 'Being handled' },
  checking: { zh: '已处理，正在核实', en: 'Handled, being checked' },
  done: { zh: '已办结', en: 'Done' },
  declined: { zh: '不予受理', en: 'Not taken up' },
  merged: { zh: '已与同一问题合并办理', en: 'Handled together with the same problem' },
};

const BY_STATUS: Record<CaseStatus, PublicCaseState> = {
  received: 'received',
  accepted: 'inProgress',
  dispatched: 'inProgress',
  signed: 'inProgress',
  suspended: 'inProgress', // the clock pauses (e.g. waiting for parts); for the reporter the work goes on
  parked: 'inProgress', // 挂账: a long-term register, still open
  reported: 'checking',
  verified: 'checking',
  closed: 'done',
  revisited: 'done',
  declined: 'declined',
  merged: 'merged',
};

/** The reporter's state of a case in an internal status. */
export function publicStateOf(status: CaseStatus): PublicCaseState {
  return BY_STATUS[status];
}
