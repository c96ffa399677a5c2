import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useBuildingUnits, useFund, useUnitEntries, type FundUnitDto, type FundViewDto } from './api';
import { ApplicationsCard } from './ApplicationsCard';
import { EmergenciesCard } from './EmergenciesCard';
import { EntriesTable } from './EntriesTable';
import { PaymentModal } from './PaymentModal';

/**
 * A compound's maintenance fund (专项维修资金): the account, a ledger per building (click one for its units),
 * each unit's balance against the Art 65 threshold (click one for its entries), and the payments with the
 * decision each was paid on. For the owners' committee, the street, the district, the residents' committee.
 */
export function FundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const fund = useFund(id);
  const [params, setParams] = useSearchParams();
  const buildingId = params.get('building');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  if (fund.isError) return <QueryError error={fund.error} onRetry={() => void fund.refetch()} />;
  if (!fund.data) return <Skeleton active />;
  const f = fund.data;
  const building = f.buildings.find((b) => b.buildingId === buildingId) ?? null;
  return (
    <>
      <PageHeader
        title={
          <span data-testid="fund-title">
            {f.compoundName} · {t('fund.title')}
          </span>
        }
        extra={
          <Space>
            {f.mayPay && f.account && (
              <Button type="primary" onClick={() => setPaying(true)} data-testid="fund-pay-open">
                {t('fund.pay.open')}
              </Button>
            )}
            <Link to={`/governance/compounds/${f.compoundId}`}>{t('common.back')}</Link>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('fund.intro')}</Typography.Paragraph>
      {!f.account ? (
        <Alert type="info" showIcon title={t('fund.noAccount')} data-testid="fund-no-account" />
      ) : (
        <Flex vertical gap={16}>
          <AccountCard f={f} />
          {f.belowTopUpThreshold > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('fund.belowCount', { count: f.belowTopUpThreshold })}
              data-testid="fund-topup-alert"
            />
          )}
          <Card title={t('fund.buildings')} size="small">
            <Table
              rowKey="buildingId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={f.buildings}
              data-testid="fund-buildings"
              onRow={(b) => ({
                onClick: () => setParams((p) => (p.set('building', b.buildingId), p), { replace: true }),
                style: { cursor: 'pointer' },
              })}
              rowClassName={(b) => (b.buildingId === buildingId ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('fund.building'), dataIndex: 'name' },
                { title: t('fund.units'), dataIndex: 'units', align: 'right' },
                { title: t('fund.initial'), dataIndex: 'initial', align: 'right' },
                { title: t('fund.balance'), dataIndex: 'balance', align: 'right' },
              ]}
            />
          </Card>
          {building && (
            <UnitLedgers
              compoundId={f.compoundId}
              buildingId={building.buildingId}
              name={building.name}
              onOpen={setUnitId}
            />
          )}
          <PaymentsCard f={f} />
          <EmergenciesCard compoundId={f.compoundId} />
          <ApplicationsCard compoundId={f.compoundId} />
        </Flex>
      )}
      <UnitDrawer unitId={unitId} onClose={() => setUnitId(null)} />
      <PaymentModal compoundId={f.compoundId} open={paying} onClose={() => setPaying(false)} />
    </>
  );
}

function AccountCard({ f }: { f: FundViewDto }) {
  const { t } = useTranslation();
  const a = f.account!;
  return (
    <Card size="small" title={t('fund.account')}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('fund.bank')}>{a.bankName}</Descriptions.Item>
        <Descriptions.Item label={t('fund.accountName')}>{a.accountName}</Descriptions.Item>
        <Descriptions.Item label={t('fund.openedOn')}>{formatDate(a.openedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('fund.balance')}>
          <Typography.Text strong data-testid="fund-balance">
            ¥{a.balance}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function UnitLedgers(props: {
  compoundId: string;
  buildingId: string;
  name: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const units = useBuildingUnits(props.compoundId, props.buildingId);
  return (
    <Card size="small" title={t('fund.unitLedgers', { building: props.name })}>
      {units.isError ? (
        <QueryError error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Table<FundUnitDto>
          rowKey="unitId"
          size="small"
          loading={units.isPending}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={units.data}
          data-testid="fund-units"
          onRow={(u) => ({ onClick: () => props.onOpen(u.unitId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('fund.unit'), dataIndex: 'number' },
            {
              title: t('fund.area'),
              dataIndex: 'area',
              align: 'right',
              render: (v: string | null) => v ?? '—',
            },
            { title: t('fund.initial'), dataIndex: 'initial', align: 'right' },
            {
              title: t('fund.balance'),
              dataIndex: 'balance',
              align: 'right',
              render: (v: string, u) => (
                <Space size={4}>
                  {v}
                  {u.belowTopUpThreshold && <Tag color="orange">{t('fund.belowThreshold')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('fund.topUp'),
              dataIndex: 'topUpDue',
              align: 'right',
              render: (v: string) => (v === '0.00' ? '—' : v),
            },
          ]}
        />
      )}
    </Card>
  );
}

function PaymentsCard({ f }: { f: FundViewDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('fund.payments')}>
      {f.payments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fund.noPayments')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={f.payments}
          data-testid="fund-payments"
          columns={[
            { title: t('fund.paidOn'), dataIndex: 'paidOn', render: (v: string) => formatDate(v) },
            { title: t('fund.paymentTitle'), dataIndex: 'title' },
            { title: t('fund.cost'), dataIndex: 'cost', align: 'right' },
            {
              title: t('fund.basis'),
              dataIndex: 'decisionTitle',
              render: (v: string | null, p) => (
                <Space size={4} wrap>
                  {p.basis === 'decision' ? (v ?? '—') : t(`fund.basisOf.${p.basis}`)}
                  <Tag>{t(`fund.scope.${p.scope}`)}</Tag>
                </Space>
              ),
            },
            { title: t('fund.units'), dataIndex: 'units', align: 'right' },
            { title: t('fund.reference'), dataIndex: 'reference' },
          ]}
        />
      )}
    </Card>
  );
}

function UnitDrawer({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const entries = useUnitEntries(unitId);
  return (
    <Drawer
      open={!!unitId}
      onClose={onClose}
      size="large"
      title={entries.data ? t('fund.entries', { label: entries.data.label }) : t('fund.title')}
      data-testid="fund-unit-drawer"
    >
      {entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : !entries.data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text>
            {t('fund.mine.balance', { balance: entries.data.balance, initial: entries.data.initial })}
          </Typography.Text>
          <EntriesTable items={entries.data.items} />
        </Flex>
      )}
    </Drawer>
  );
}
