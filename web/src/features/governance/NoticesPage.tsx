import { Alert, Card, Empty, Flex, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompounds } from '../compounds/api';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useNoticeBoard } from './api';
import type { NoticeBoardDto } from './types';

const FILTER_KEYS = ['compound'] as const;

/**
 * The compound's notice board (公告栏) as its owners read it on a phone: the committee's names, its posted
 * resolutions, the assembly's results with the window to challenge them, and the owner groups.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const compounds = useCompounds({});
  const options = compounds.rows.map((c) => ({ value: c.id, label: c.name }));
  const compoundId = filters.compound ?? options[0]?.value;
  const board = useNoticeBoard(compoundId);

  return (
    <div className="notices-page">
      <PageHeader title={t('gov.notices.title')} testId="notices-title" />
      {options.length > 1 && (
        <Select
          className="notices-compound"
          value={compoundId}
          options={options}
          onChange={(v: string) => setFilters({ compound: v })}
          data-testid="notices-compound"
        />
      )}
      {compounds.isLoading || board.isLoading ? (
        <Spin />
      ) : board.error ? (
        <QueryError error={board.error} />
      ) : !board.data ? (
        <Empty description={t('gov.notices.none')} />
      ) : (
        <Board b={board.data} />
      )}
    </div>
  );
}

function Board({ b }: { b: NoticeBoardDto }) {
  const { t } = useTranslation();
  const empty = <Typography.Text type="secondary">{t('gov.notices.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="notices-board">
      <Typography.Title level={4}>{b.compoundName}</Typography.Title>
      <Card
        size="small"
        title={b.committee ? t('gov.notices.committee', { term: b.committee.termNo }) : null}
      >
        {b.committee ? (
          <Flex vertical gap={8}>
            <Space wrap>
              <span>
                {t('gov.notices.term', {
                  from: formatDate(b.committee.electedOn),
                  to: formatDate(b.committee.termEndsOn),
                })}
              </span>
              <Tag color={b.committee.filed ? 'success' : 'default'}>
                {b.committee.filed ? t('gov.notices.filed') : t('gov.notices.notFiled')}
              </Tag>
            </Space>
            <Space wrap data-testid="notices-members">
              {b.committee.members.map((m) => (
                <Tag key={`${m.position}-${m.name}`} color={m.position === 'member' ? 'default' : 'blue'}>
                  {m.name} · {t(`gov.committee.positions.${m.position}`)}
                </Tag>
              ))}
            </Space>
          </Flex>
        ) : (
          <Alert type="info" showIcon message={t('gov.notices.noCommittee')} />
        )}
      </Card>
      <Card size="small" title={t('gov.notices.resolutions')}>
        {b.resolutions.length === 0 ? (
          empty
        ) : (
          <List
            size="small"
            dataSource={b.resolutions}
            data-testid="notices-resolutions"
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={r.titles.join('；')}
                  description={`${t('gov.notices.heldOn')} ${formatDate(r.heldOn)} · ${t('gov.notices.postedOn')} ${formatDate(r.publishedOn)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('gov.notices.decisions')}>
        {b.decisions.length === 0 ? (
          empty
        ) : (
          <List
            size="small"
            dataSource={b.decisions}
            data-testid="notices-decisions"
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Link to={`/governance/decisions/${d.id}`}>{d.title}</Link>
                      <Tag color={d.passed ? 'success' : 'error'}>
                        {d.passed ? t('gov.notices.passed') : t('gov.notices.notPassed')}
                      </Tag>
                    </Space>
                  }
                  description={`${t(`gov.matters.${d.matter}`)} · ${t('gov.notices.postedOn')} ${formatDate(d.publishedOn)} · ${t('gov.notices.challenge', { date: formatDate(d.challengeUntil) })}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('gov.notices.groups')}>
        {b.ownerGroups.length === 0 ? (
          empty
        ) : (
          <List
            size="small"
            dataSource={b.ownerGroups}
            renderItem={(g) => (
              <List.Item>
                {g.buildingName} · {t('gov.notices.representatives')}：{g.representatives.join('、') || '—'}
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
