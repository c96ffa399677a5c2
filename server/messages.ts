// The message catalogue of every module, registered explicitly (like the route list in app.ts and the job
// list in jobs.ts): a module's codes are known because it is listed here, not because some file happened to
// import its messages for a side effect. buildApp and the CLI call registerAllMessages() once.
import { registerMessages, type Catalogue } from './platform/http/messages.js';
import { authMessages } from './modules/auth/auth.messages.js';
import { registryMessages } from './modules/registry/registry.messages.js';
import { usersMessages } from './modules/users/users.messages.js';
import { transferMessages } from './modules/transfer/transfer.messages.js';
import { casesMessages } from './modules/cases/cases.messages.js';
import { casesAdminMessages } from './modules/casesadmin/casesadmin.messages.js';
import { kpisMessages } from './modules/kpis/kpis.messages.js';
import { open311Messages } from './modules/open311/open311.messages.js';
import { notificationsMessages } from './modules/notifications/notifications.messages.js';
import { governanceMessages } from './modules/governance/governance.messages.js';
import { fundMessages } from './modules/fund/fund.messages.js';
import { coordinationMessages } from './modules/coordination/coordination.messages.js';
import { assessmentMessages } from './modules/assessment/assessment.messages.js';
import { mediationMessages } from './modules/mediation/mediation.messages.js';
import { industryMessages } from './modules/industry/industry.messages.js';
import { planMessages } from './modules/plan/plan.messages.js';

export const MODULE_MESSAGES: readonly Catalogue[] = [
  authMessages,
  registryMessages,
  usersMessages,
  transferMessages,
  casesMessages,
  casesAdminMessages,
  kpisMessages,
  open311Messages,
  notificationsMessages,
  governanceMessages,
  fundMessages,
  mediationMessages,
  industryMessages,
  coordinationMessages,
  planMessages,
  assessmentMessages,
];

export function registerAllMessages(): void {
  for (const catalogue of MODULE_MESSAGES) registerMessages(catalogue);
}
