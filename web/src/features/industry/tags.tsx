// Words and tags of the industry screens: a company's standing (信用状况), a contract's filing state (备案,
// 《上海市住宅物业管理规定》第四十四条) and a credit record's status — one colour per meaning.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import type { ContractDto, RecordSummaryDto, StandingDto } from './api';

export function StandingTag({ standing, testId }: { standing: StandingDto; testId?: string }) {
  const { t } = useTranslation();
  const key = standing.watch ? 'watch' : standing.points > 0 ? 'bad' : standing.good > 0 ? 'good' : 'clean';
  const colour = { watch: 'red', bad: 'orange', good: 'green', clean: 'default' }[key];
  return (
    <Tag color={colour} data-testid={testId} data-standing={key} style={{ whiteSpace: 'normal' }}>
      {t(`industry.standingWords.${key}`, { points: standing.points })}
    </Tag>
  );
}

const FILING_COLOURS: Record<ContractDto['filing']['state'], string> = {
  filed: 'green',
  filed_late: 'gold',
  due: 'processing',
  overdue: 'red',
  unsigned: 'default',
};

export function FilingTag({ c }: { c: ContractDto }) {
  const { t } = useTranslation();
  const date = formatDate(c.filing.state.startsWith('filed') ? c.filing.filedOn : c.filing.dueOn);
  return (
    <Tag color={FILING_COLOURS[c.filing.state]} data-testid="filing-state" data-state={c.filing.state}>
      {t(`industry.filingStates.${c.filing.state}`, { date })}
    </Tag>
  );
}

const STATUS_COLOURS: Record<RecordSummaryDto['status'], string> = {
  recorded: 'gold',
  published: 'blue',
  withdrawn: 'default',
  corrected: 'green',
};

/** The record's status and, beside it, its objection or correction and whether it is still published. */
export function RecordStatus({ r }: { r: RecordSummaryDto }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid="record-status">
      <Tag color={STATUS_COLOURS[r.status]} data-status={r.status}>
        {t(`industry.statuses.${r.status}`)}
      </Tag>
      {r.objection && (
        <Tag color={r.objection === 'pending' ? 'purple' : 'default'}>
          {t(`industry.objectionStates.${r.objection}`)}
        </Tag>
      )}
      {r.correction && (
        <Tag color={r.correction === 'pending' ? 'purple' : 'default'}>
          {t(`industry.correctionStates.${r.correction}`)}
        </Tag>
      )}
      {r.status === 'published' && !r.inForce && <Tag>{t('industry.expired')}</Tag>}
    </Space>
  );
}

/** Points with the rule's standing: the rule table is data not yet checked against its source ([U]). */
export function Points({ points, verified, block }: { points: number; verified: boolean; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <span>
      <span className="num">{t('industry.pointsValue', { n: points })}</span>
      {!verified && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, display: block ? 'block' : undefined, whiteSpace: 'nowrap' }}
        >
          {block ? '' : ' '}（{t('industry.unverified')}）
        </Typography.Text>
      )}
    </span>
  );
}
