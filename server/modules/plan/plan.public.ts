// The public plan page (no sign-in), as the seed asks: "向全社会公布…及时通报各项工作的推进情况". The newest
// published city plan: its title and period, overall and per-department progress, and every task with its state
// in words and its next milestone. No personal data — no reports' authors, no evidence text, no ids.
import { MILESTONE_STATE_WORDS } from '../../../domain/action-plan.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/messages.js';
import * as repo from './plan.repo.js';
import { namesOf, presentRollUp, presentTask, taskFacts, todayOf } from './plan.view.js';

export const ILLUSTRATIVE_NOTICE = {
  'zh-CN': '示例，非正式计划文本：本计划为演示数据，任务与进度均为虚构。',
  en: 'Illustrative, not the real plan’s text: this plan is demo data; its tasks and progress are made up.',
} as const;

export async function publicPlan(deps: Deps, locale: Locale) {
  const db = deps.database.db;
  const p = await repo.publishedCityPlan(db);
  if (!p) throw notFound('plan.public_none');
  const rows = await taskFacts(db, await repo.tasksOf(db, p.id));
  const names = await namesOf(db, rows, p.id);
  const today = todayOf(deps.clock);
  const rolled = presentRollUp(today, rows, names);
  const words = (s: keyof typeof MILESTONE_STATE_WORDS) =>
    locale === 'zh-CN' ? MILESTONE_STATE_WORDS[s].zh : MILESTONE_STATE_WORDS[s].en;
  return {
    title: p.title,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    illustrative: p.illustrative === 1,
    notice: p.illustrative === 1 ? ILLUSTRATIVE_NOTICE[locale] : null,
    asOf: today,
    overall: rolled.overall,
    byDepartment: rolled.byLead.map(({ orgId: _orgId, ...x }) => x),
    tasks: rows.map((r) => {
      const t = presentTask(today, r, names);
      return {
        seq: t.seq,
        goal: t.goal,
        title: t.title,
        leadName: t.leadName,
        percent: t.progress.percent,
        state: t.state,
        stateWords: words(t.state),
        nextMilestone: t.nextMilestone ? `${t.nextMilestone.dueOn} ${t.nextMilestone.title}` : null,
      };
    }),
  };
}
