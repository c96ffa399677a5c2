import { Breadcrumb, Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { roleHas } from '../../../../domain/access';
import { useAuth } from '../../app/auth';
import { ApplicationsCard } from '../fund/ApplicationsCard';
import { EmergenciesCard } from '../fund/EmergenciesCard';
import { ArrearsCard } from '../governance/ArrearsCard';
import { shanghaiToday } from '../governance/fields';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useCompound } from './api';
import { BuildingsTab } from './BuildingsTab';
import { CompoundStats } from './CompoundStats';
import { CompoundSummary } from './CompoundSummary';
import { ContractsTable } from './ContractsTable';
import { OwnersTab } from './OwnersTab';

export function CompoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useCompound(id);
  const { me } = useAuth();
  // ?tab= opens one tab (a link to a company's emergency repairs, for one).
  const [params, setParams] = useSearchParams();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const compound = query.data;
  // The serving property company records fee arrears here (it has no access to the governance screens).
  // Serving = holding the latest contract that has started, as the server decides (an expired contract with
  // no successor runs on, 民法典 Art 948); the server checks again on every write.
  const companyIds = (permission: 'governance.arrears' | 'fund.report') =>
    new Set(
      me?.roles.filter((r) => r.scopeType === 'company' && roleHas(r.role, permission)).map((r) => r.scopeId),
    );
  const today = shanghaiToday();
  const latest = compound.contracts
    .filter((c) => c.startsOn <= today)
    .reduce<(typeof compound.contracts)[number] | null>(
      (a, c) => (!a || c.startsOn > a.startsOn ? c : a),
      null,
    );
  const serving = !!latest && companyIds('governance.arrears').has(latest.companyId);
  // The serving company reports emergency repairs on the fund here (《规定》第七十三条) — it sees the reports, not
  // the ledgers or the owners' shares (it holds no fund.view).
  const reporting = !!latest && companyIds('fund.report').has(latest.companyId);

  const tabs = [
    {
      key: 'buildings',
      label: `${t('buildings.tab')} (${compound.buildingCount})`,
      children: <BuildingsTab compoundId={compound.id} />,
    },
    {
      key: 'owners',
      label: `${t('owners.tab')} (${compound.ownerCount})`,
      children: <OwnersTab compoundId={compound.id} />,
    },
    {
      key: 'contracts',
      label: `${t('contracts.tab')} (${compound.contracts.length})`,
      children: <ContractsTable contracts={compound.contracts} />,
    },
    ...(serving
      ? [
          {
            key: 'arrears',
            label: t('gov.arrears.tab'),
            children: <ArrearsCard compoundId={compound.id} canRecord />,
          },
        ]
      : []),
    ...(reporting
      ? [
          {
            key: 'emergencies',
            label: t('fund.emergency.tab'),
            children: (
              <>
                <EmergenciesCard compoundId={compound.id} />
                <ApplicationsCard compoundId={compound.id} />
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/compounds">{t('compounds.title')}</Link> },
          {
            title: (
              <Link to={`/compounds?district=${compound.districtCode}&street=${compound.streetCode}`}>
                {compound.districtName} · {compound.streetName}
              </Link>
            ),
          },
          { title: compound.name },
        ]}
      />
      <PageHeader
        testId="compound-title"
        title={
          <Space size={12}>
            <span>{compound.name}</span>
            <Tag className="code-tag">{compound.code}</Tag>
          </Space>
        }
      />
      <CompoundStats compound={compound} />
      <Card size="small" title={t('compounds.basics')} className="section-card">
        <CompoundSummary compound={compound} />
      </Card>
      <Card size="small" className="section-card">
        <Tabs
          activeKey={tabs.find((x) => x.key === params.get('tab'))?.key ?? 'buildings'}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={tabs}
        />
      </Card>
    </>
  );
}
