import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useNoticeBoard } from '../governance/api';

const LATEST = 3;

/** The notice board of one of the owner's compounds, in short: committee, latest decisions, vote results. */
export function OwnNotices({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const board = useNoticeBoard(compoundId);
  const b = board.data;
  return (
    <Card
      title={b ? `${t('owner.notices.title')} · ${b.compoundName}` : t('owner.notices.title')}
      className="owner-card"
      data-testid="owner-notices"
      extra={
        <Link to={`/notices?compound=${encodeURIComponent(compoundId)}`} data-testid="owner-notices-more">
          {t('owner.notices.more')}
        </Link>
      }
    >
      {board.isPending ? (
        <Skeleton active />
      ) : board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : !b || (!b.committee && b.resolutions.length === 0 && b.decisions.length === 0) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('owner.notices.none')} />
      ) : (
        <Flex vertical gap={12}>
          {b.committee && (
            <section>
              <Typography.Text strong>
                {t('owner.notices.committee', { term: b.committee.termNo })}
              </Typography.Text>
              <Typography.Paragraph className="owner-notice-text">
                {b.committee.members
                  .map((m) => `${m.name}（${t(`gov.committee.positions.${m.position}`)}）`)
                  .join('、')}
              </Typography.Paragraph>
            </section>
          )}
          {b.decisions.length > 0 && (
            <section>
              <Typography.Text strong>{t('owner.notices.results')}</Typography.Text>
              {b.decisions.slice(0, LATEST).map((d) => (
                <Flex key={d.id} justify="space-between" gap={8} className="owner-notice-row">
                  <Link to={`/governance/decisions/${d.id}`}>{d.title}</Link>
                  <Tag color={d.passed ? 'green' : 'default'}>
                    {d.passed ? t('owner.notices.passed') : t('owner.notices.failed')}
                  </Tag>
                </Flex>
              ))}
            </section>
          )}
          {b.resolutions.length > 0 && (
            <section data-testid="owner-notices-resolutions">
              <Typography.Text strong>{t('owner.notices.resolutions')}</Typography.Text>
              {b.resolutions.slice(0, LATEST).map((r) => (
                <div key={r.meetingId} className="owner-notice-row">
                  <Typography.Text type="secondary">{formatDate(r.publishedOn)}</Typography.Text>{' '}
                  <Typography.Text>{r.titles.join('；')}</Typography.Text>
                </div>
              ))}
            </section>
          )}
        </Flex>
      )}
    </Card>
  );
}
