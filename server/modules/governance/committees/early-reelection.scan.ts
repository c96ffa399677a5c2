// The daily scan for early re-elections (《规定》 Art 32 ¶2), run by governance.jobs.ts after the trigger scan: a
// committee in term on which a ground holds (fewer than half the members; six months without recorded work),
// with no assembly decision on it yet, gets the street's task to convene the assembly — once — and the street
// office is told.
import type { BusinessCalendar } from '../../../../domain/calendar.js';
import type { Deps } from '../../../platform/deps.js';
import { writeTx } from '../../../platform/deps.js';
import { message } from '../../../platform/http/messages.js';
import { notify } from '../../notifications/notifications.service.js';
import * as shared from '../governance.repo.js';
import { committeeFacts } from './committee.view.js';
import { earlyStageOf, openConveneTask } from './early-reelection.js';
import { currentCommitteesAfter } from './work.repo.js';

const SYSTEM = { id: null, name: 'system' };
const BATCH = 200;

export async function scanEarlyReelections(deps: Deps, cal: BusinessCalendar, today: string): Promise<void> {
  const db = deps.database.db;
  let after: string | null = null;
  for (;;) {
    const batch = await currentCommitteesAfter(db, after, BATCH);
    for (const k of batch) {
      if (k.term_ends_on < today) continue; // expired: the 换届 of Art 28, not an early one
      const facts = await committeeFacts(db, k, today);
      if (facts.health.earlyReelection.length === 0) continue;
      if (await shared.taskOf(db, k.id, 'early_reelection_meeting')) continue;
      const group = await shared.groupOf(db, k.id, 'reelection');
      if ((await earlyStageOf(db, k, facts.health, !!group)).stage !== 'convene') continue;
      await openConvene(deps, cal, k, facts.health.earlyReelection, today);
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].id;
  }
}

type Row = Awaited<ReturnType<typeof currentCommitteesAfter>>[number];

async function openConvene(deps: Deps, cal: BusinessCalendar, k: Row, grounds: string[], today: string) {
  const place = { id: k.compound_id, street_code: k.street_code, district_code: k.district_code };
  await writeTx(deps, SYSTEM, null, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const task = await openConveneTask(trx, cal, now, place, k, today);
    if (!task.id) return;
    const words = (locale: 'zh-CN' | 'en') =>
      grounds
        .map((g) => message(`governance.early_reelection.ground.${g}`, locale))
        .join(locale === 'en' ? '; ' : '；');
    const params = (locale: 'zh-CN' | 'en') => ({
      compound: k.compound_name,
      due: task.dueOn,
      grounds: words(locale),
    });
    const orgId = await shared.streetOfficeOf(trx, k.street_code);
    await notify(
      trx,
      { orgIds: orgId ? [orgId] : [], userIds: [] },
      {
        kind: 'governance.early_reelection',
        zh: message('governance.notify.early_reelection', 'zh-CN', params('zh-CN')),
        en: message('governance.notify.early_reelection', 'en', params('en')),
      },
      now,
    );
    await audit({
      action: 'governance.early_reelection.detected',
      targetType: 'committee',
      targetId: k.id,
      after: { grounds, taskId: task.id, dueOn: task.dueOn },
    });
  });
}
