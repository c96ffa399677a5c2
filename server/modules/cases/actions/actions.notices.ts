// Who is told of a case action, and in which words: in-app notifications of organisations (notify()), and the
// reporter of each public step (tracking.notices: the outbox of messages to residents).
import type { CaseAction, CaseStatus } from '../../../../domain/case-lifecycle.js';
import type { Deps } from '../../../platform/deps.js';
import type { Tx } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import { notify } from '../../notifications/notifications.service.js';
import { committeeMemberUsers } from '../../governance/governance.service.js';
import { tellReporter } from '../tracking/tracking.notices.js';
import * as repo from './actions.repo.js';

interface Notice {
  /** The organisation told; null: recorded without an addressee (a returned case has no lead any more). */
  to: string | null;
  zh: string;
  en: string;
  /** The notification kind; `case.<action>` unless given. */
  kind?: string;
}

/** The notices of an action on `c` (after the action); `data` is what the action recorded. */
function noticesOf(c: CaseTable, action: CaseAction, data: Record<string, unknown>): Notice[] {
  const previousLead = typeof data.previousLeadOrgId === 'string' ? data.previousLeadOrgId : null;
  const no = c.case_no;
  const lead = c.lead_org_id;
  switch (action) {
    case 'dispatch':
      return [{ to: lead, zh: `新派遣案件 ${no}：${c.title}`, en: `New case ${no} dispatched: ${c.title}` }];
    case 'redispatch':
      return [
        {
          to: lead,
          zh: `新派遣案件 ${no}（改派）：${c.title}`,
          en: `Case ${no} re-dispatched to you: ${c.title}`,
        },
        ...(previousLead
          ? [
              {
                to: previousLead,
                kind: 'case.recall',
                zh: `案件 ${no} 已改派其他单位，无需处置`,
                en: `Case ${no} was re-dispatched elsewhere`,
              },
            ]
          : []),
      ];
    case 'recall':
      return [{ to: previousLead, zh: `案件 ${no} 已撤回派遣，无需处置`, en: `Case ${no} was recalled` }];
    case 'approveExtension':
      return [{ to: lead, zh: `案件 ${no} 的延期申请已批准`, en: `Extension approved for ${no}` }];
    case 'refuseExtension':
      return [
        {
          to: lead,
          zh: `案件 ${no} 的延期申请未获批准，请按原时限办结`,
          en: `Extension refused for ${no}; the deadline stands`,
        },
      ];
    case 'unpark':
      return [{ to: lead, zh: `案件 ${no} 已销账，恢复办理`, en: `Case ${no} is back in progress` }];
    case 'returnCase':
      return [
        { to: null, zh: `案件 ${no} 被退单，请重新派遣`, en: `Case ${no} was returned; dispatch it again` },
      ];
    case 'verifyFail':
      return [{ to: lead, zh: `案件 ${no} 核查未通过，请继续处置`, en: `Case ${no} failed verification` }];
    case 'reopen':
      return [{ to: lead, zh: `案件 ${no} 已重办`, en: `Case ${no} was reopened` }];
    case 'supervise':
      return [
        {
          to: lead,
          zh: `案件 ${no} 被督办（第 ${c.supervision_level} 次）`,
          en: `Case ${no} is under supervision (${c.supervision_level})`,
        },
      ];
    default:
      return [];
  }
}

/** What the action told: `from` is the status before it, `seq` its event, `byReporter` whether they took it. */
export interface ActionFacts {
  from: CaseStatus;
  seq: number;
  byReporter: boolean;
}

/** Sends the action's notices, and tells the reporter when the case reached a new public step. */
export async function notifyFor(
  trx: Tx,
  deps: Deps,
  c: CaseTable,
  action: CaseAction,
  now: string,
  facts: ActionFacts,
  data: Record<string, unknown> = {},
) {
  for (const n of noticesOf(c, action, data))
    await notify(
      trx,
      { orgIds: [n.to] },
      { kind: n.kind ?? `case.${action}`, caseId: c.id, zh: n.zh, en: n.en },
      now,
    );
  if (action === 'reportViolation') await tellOfViolation(trx, c, now);
  await tellReporter(trx, deps, c, action, facts.from, facts.seq, facts.byReporter);
}

/**
 * 《规定》 Art 59: the property company's report reaches the owners' committee (its members' accounts) and the
 * authorities (the street's offices, which dispatch to the enforcing department).
 */
async function tellOfViolation(trx: Tx, c: CaseTable, now: string) {
  const userIds = c.compound_id ? await committeeMemberUsers(trx, c.compound_id) : [];
  const orgIds = await repo.streetOfficesOf(trx, c.street_code);
  await notify(
    trx,
    { orgIds, userIds },
    {
      kind: 'case.reportViolation',
      caseId: c.id,
      zh: `物业服务企业报告违法行为（劝阻、制止无效）：案件 ${c.case_no} ${c.title}（《上海市住宅物业管理规定》第五十九条）`,
      en: `The property company reports a violation it could not stop: case ${c.case_no} ${c.title} (Shanghai Regulations on Residential Property Management, Art 59)`,
    },
    now,
  );
}
