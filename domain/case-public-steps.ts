// What a resident is told about a case: the internal lifecycle (domain/case-lifecycle.ts) summarised in public
// words. Internal steps (退单, 延期, 督办, 挂账, 改派, …) never show by name: each event type maps to the public
// step it means for the resident, or to nothing (an internal step the resident does not see), and a case's
// status to the step it stands at. The tracking page and the messages to the reporter read only this.
import { CASE_ACTIONS, type CaseAction, type CaseStatus } from './case-lifecycle.js';

export const PUBLIC_STEPS = [
  'received', // 已受理
  'assigned', // 已交处理单位
  'inProgress', // 正在办理
  'resultReported', // 已办结，待您确认
  'reworking', // 重新办理中
  'resolved', // 已确认解决
  'closed', // 已办结，欢迎评价
  'rated', // 已评价
  'paused', // 暂缓办理
  'declined', // 不予受理
  'merged', // 已并入同一问题办理
  'fedBack', // 已反馈查处情况 (拆违规定 Art 5)
] as const;
export type PublicStep = (typeof PUBLIC_STEPS)[number];

export const PUBLIC_STEP_LABELS: Record<PublicStep, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  assigned: { zh: '已交处理单位', en: 'Passed to the organisation responsible' },
  inProgress: { zh: '正在办理', en: 'Being handled' },
  resultReported: { zh: '已办结，待您确认', en: 'Done — please confirm' },
  reworking: { zh: '重新办理中', en: 'Being handled again' },
  resolved: { zh: '已确认解决', en: 'Confirmed solved' },
  closed: { zh: '已办结，欢迎评价', en: 'Closed — please rate it' },
  rated: { zh: '已评价', en: 'Rated' },
  paused: { zh: '暂缓办理', en: 'On hold' },
  declined: { zh: '不予受理', en: 'Not taken up' },
  merged: { zh: '已并入同一问题办理', en: 'Handled together with the same report' },
  fedBack: { zh: '已向您反馈查处情况', en: 'You have been told how it is being dealt with' },
};

/** Every event type of a case: the actions, plus intake (`receive`) and the automatic 督办. */
export const CASE_EVENT_TYPES = ['receive', ...CASE_ACTIONS, 'autoSupervise'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Where a status stands for the resident. */
export const STATUS_PUBLIC_STEP: Record<CaseStatus, PublicStep> = {
  received: 'received',
  declined: 'declined',
  accepted: 'received',
  dispatched: 'assigned',
  signed: 'inProgress',
  reported: 'resultReported',
  verified: 'resolved',
  closed: 'closed',
  revisited: 'rated',
  suspended: 'paused',
  parked: 'paused',
  merged: 'merged',
};

/**
 * What an event means to the resident: a public step, 'status' (the step of the status it leads to), or null
 * (an internal step: not shown, not told).
 */
export const EVENT_PUBLIC_STEP: Record<CaseEventType, PublicStep | 'status' | null> = {
  receive: 'received',
  accept: 'received',
  decline: 'declined',
  dispatch: 'assigned',
  redispatch: null, // 改派: still with an organisation to take it up
  recall: null, // 撤回派遣: the office takes it back before anyone started
  signFor: 'inProgress',
  returnCase: null, // 退单: the office finds the right organisation; for the resident it is still received
  arriveOnSite: 'inProgress',
  reportBack: 'resultReported',
  requestExtension: null, // 延期 is between the handler and the office
  approveExtension: null,
  refuseExtension: null,
  verifyPass: 'resolved',
  verifyFail: 'reworking',
  close: 'closed',
  revisit: 'rated',
  reopen: 'reworking',
  suspend: 'paused',
  resume: 'status',
  supervise: null, // 督办 presses the handler; nothing changes for the resident
  parkLongTerm: 'paused',
  unpark: 'status',
  merge: 'merged',
  comment: null,
  feedBackReporter: 'fedBack', // 拆违规定 Art 5: the reporter is told how the violation is dealt with
  dissuasionFailed: null, // between the property company, the committee and the authorities
  reportViolation: null,
  noticeDemolition: null,
  autoSupervise: null,
};

/** The public step an event leads to, or null when the resident does not see it. */
export function publicStepOfEvent(type: string, toStatus: CaseStatus): PublicStep | null {
  const step = EVENT_PUBLIC_STEP[type as CaseEventType];
  if (step === undefined || step === null) return null;
  return step === 'status' ? STATUS_PUBLIC_STEP[toStatus] : step;
}

export interface PublicEvent {
  at: string;
  step: PublicStep;
}

/**
 * The resident's timeline: the events they see, a step repeated in a row shown once (受理 then 立案 is one
 * "已受理"; 签收 then 到场 one "正在办理").
 */
export function publicTimeline(events: readonly { at: string; action: string; toStatus: string }[]) {
  const out: PublicEvent[] = [];
  for (const e of events) {
    const step = publicStepOfEvent(e.action, e.toStatus as CaseStatus);
    if (step && out[out.length - 1]?.step !== step) out.push({ at: e.at, step });
  }
  return out;
}

/**
 * The step the resident is to be told of after an action taken from `from` (null: nothing to tell): a new
 * public step, not the one the case already stood at.
 */
export function publicStepChange(
  action: CaseAction | 'receive',
  from: CaseStatus | null,
  to: CaseStatus,
): PublicStep | null {
  const step = publicStepOfEvent(action, to);
  if (!step) return null;
  return from && STATUS_PUBLIC_STEP[from] === step ? null : step;
}

/** The SMS telling the reporter of a new public step, with the link back to the case (zh-CN). */
export function residentMessageText(step: PublicStep, caseNo: string, link: string): string {
  const head = `【共治】您反映的问题（编号 ${caseNo}）`;
  switch (step) {
    case 'resultReported':
      return `${head}已处理完毕，请查看处理结果并确认是否解决：${link}`;
    case 'closed':
      return `${head}已办结，欢迎评价：${link}`;
    case 'received':
      return `${head}已受理，可随时查看进度：${link}`;
    default:
      return `${head}${PUBLIC_STEP_LABELS[step].zh}，查看进度：${link}`;
  }
}
