// The staff home: what needs the signed-in user today, each count a link into the filtered queue, and for
// street, district and city offices the trend of their area.
import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shanghaiDate } from '../../../../domain/calendar';
import { useAuth } from '../../app/auth';
import type { Permission } from '../../api/types';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useMyActionItems } from '../coordination/api';
import { useHome, type HomeDto } from './api';
import { TrendChart } from './TrendChart';
import './home.css';

type QueueKey = keyof NonNullable<HomeDto['queues']>;

interface Tile {
  key: string;
  label: string;
  hint: string;
  value: number;
  to: string;
  alarm?: boolean;
}

/** The queue tiles an account sees: what its permissions let it act on. */
function queueTiles(
  queues: NonNullable<HomeDto['queues']>,
  can: (p: Permission) => boolean,
  t: (k: string) => string,
): Tile[] {
  const handles = can('cases.handle');
  const dispatches = can('cases.dispatch');
  const supervises = can('cases.supervise');
  const tile = (key: QueueKey, labelKey: string = key, alarm = false): Tile => ({
    key,
    label: t(`home.tiles.${labelKey}`),
    hint: t(`home.hints.${labelKey}`),
    value: queues[key],
    to: `/cases?queue=${key}`,
    alarm,
  });
  const tiles: Tile[] = [];
  if (dispatches) tiles.push(tile('toDispatch'));
  if (handles && !dispatches) tiles.push(tile('toSign'));
  tiles.push(tile('overdue', 'overdue', true), tile('dueToday'));
  if (dispatches) tiles.push(tile('extensions'));
  else if (handles) tiles.push(tile('extensions', 'extensionsMine'));
  if (handles && !supervises && !dispatches) tiles.push(tile('supervised'));
  else tiles.push(tile('supervised', 'supervisedIssued'));
  if (can('cases.verify')) tiles.push(tile('toVerify'));
  return tiles;
}

function TileCard({ tile }: { tile: Tile }) {
  return (
    <Link to={tile.to} className="home-tile" data-testid={`home-${tile.key}`}>
      <Card size="small" hoverable>
        <Statistic
          title={tile.label}
          value={tile.value}
          valueStyle={{ color: tile.alarm && tile.value > 0 ? '#cf1322' : undefined }}
        />
        <Typography.Text type="secondary" className="home-hint">
          {tile.hint}
        </Typography.Text>
      </Card>
    </Link>
  );
}

function TileGrid({ tiles }: { tiles: Tile[] }) {
  return (
    <Row gutter={[12, 12]}>
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} sm={8} lg={6} xl={4}>
          <TileCard tile={tile} />
        </Col>
      ))}
    </Row>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const home = useHome();
  const today = shanghaiDate(new Date());
  const data = home.data;
  // The joint meetings' action items (交办事项) of the user's own units: where a department or company finds them.
  const coordItems = useMyActionItems(can('coordination.view')).data?.items ?? [];
  const coordOpen = coordItems.filter((i) => i.status === 'open');
  const coordTiles: Tile[] = coordItems.length
    ? [
        {
          key: 'coordItems',
          label: t('coord.myOpen'),
          hint: t('coord.myOpenHint'),
          value: coordOpen.length,
          to: '/coordination?tab=items',
        },
        {
          key: 'coordOverdue',
          label: t('coord.myOverdue'),
          hint: t('coord.myOverdueHint'),
          value: coordOpen.filter((i) => i.dueState === 'overdue').length,
          to: '/coordination?tab=items',
          alarm: true,
        },
      ]
    : [];

  const caseTiles = data?.queues ? queueTiles(data.queues, can, t) : [];
  const committees = data?.committeesNearReelection;
  const govTiles: Tile[] = committees
    ? [
        {
          key: 'expiring',
          label: t('home.tiles.expiring'),
          hint: t('home.hints.expiring'),
          value: committees.expiring,
          to: '/governance?state=term_expiring',
        },
        {
          key: 'expired',
          label: t('home.tiles.expired'),
          hint: t('home.hints.expired'),
          value: committees.expired,
          to: '/governance?state=expired',
          alarm: true,
        },
      ]
    : [];

  return (
    <>
      <PageHeader title={t('home.title')} testId="home-title">
        <Typography.Text type="secondary">{t('home.subtitle', { date: today })}</Typography.Text>
      </PageHeader>
      {home.error && <QueryError error={home.error} onRetry={() => void home.refetch()} />}
      {home.isLoading && <Skeleton active />}
      {data && (
        <Flex vertical gap={16}>
          {caseTiles.length > 0 && (
            <section aria-label={t('home.casesGroup')}>
              <Typography.Title level={5}>{t('home.casesGroup')}</Typography.Title>
              <TileGrid tiles={caseTiles} />
            </section>
          )}
          {govTiles.length > 0 && (
            <section aria-label={t('home.governanceGroup')}>
              <Typography.Title level={5}>{t('home.governanceGroup')}</Typography.Title>
              <TileGrid tiles={govTiles} />
            </section>
          )}
          {coordTiles.length > 0 && (
            <section aria-label={t('coord.myItems')}>
              <Typography.Title level={5}>{t('coord.myItems')}</Typography.Title>
              <TileGrid tiles={coordTiles} />
            </section>
          )}
          {data.trend && (
            <Card
              size="small"
              title={t('home.trend')}
              extra={
                <Flex gap={12}>
                  <Link to="/map">{t('home.openMap')}</Link>
                  <Link to="/kpis">{t('home.openKpis')}</Link>
                </Flex>
              }
            >
              <TrendChart items={data.trend} />
            </Card>
          )}
          {!data.trend && can('kpis.read') && (
            // Departments and companies: no area trend, but their own KPIs and the map of their open cases.
            <Flex gap={16} wrap data-testid="home-links">
              <Link to="/kpis">{t('home.openKpis')}</Link>
              <Link to="/map">{t('home.openMap')}</Link>
            </Flex>
          )}
          {!caseTiles.length && !govTiles.length && !coordTiles.length && (
            <Alert type="info" title={t('home.nothing')} />
          )}
        </Flex>
      )}
    </>
  );
}
