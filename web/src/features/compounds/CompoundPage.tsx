import { Breadcrumb, Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
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

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const compound = query.data;

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
          defaultActiveKey="buildings"
          items={[
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
          ]}
        />
      </Card>
    </>
  );
}
