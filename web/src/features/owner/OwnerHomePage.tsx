import { Alert, Flex, Skeleton, Tag, Typography } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../shared/QueryError';
import { useOwnUnits } from './api';
import { OwnDecisions } from './OwnDecisions';
import { OwnNotices } from './OwnNotices';
import { OwnReports } from './OwnReports';
import { ReportProblem } from './ReportProblem';
import { OwnFund } from '../fund/OwnFund';
import './owner.css';

/**
 * The owner's own home, mobile first (issue 9 §4): what needs them (open votes of their compounds), reporting
 * a problem at their unit, what they reported and how it stands, and their compounds' notice boards.
 */
export function OwnerHomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const units = useOwnUnits();
  const compoundIds = [...new Set((units.data ?? []).map((u) => u.compoundId))];
  return (
    <div className="owner-home" data-testid="owner-home">
      <header className="owner-hello">
        <Typography.Title level={3} data-testid="owner-hello">
          {t('owner.hello', { name: me?.displayName ?? '' })}
        </Typography.Title>
        {units.isPending ? (
          <Skeleton.Input active size="small" />
        ) : units.isError ? (
          <QueryError error={units.error} onRetry={() => void units.refetch()} />
        ) : units.data.length === 0 ? (
          <Alert type="info" showIcon title={t('owner.noUnits')} />
        ) : (
          <Flex wrap gap={6} aria-label={t('owner.myUnits')} data-testid="owner-units">
            {units.data.map((u) => (
              <Tag key={u.unitId} icon={<HomeOutlined />} className="owner-unit">
                {u.compoundName} {u.label}
              </Tag>
            ))}
          </Flex>
        )}
      </header>
      <OwnDecisions />
      <ReportProblem units={units.data ?? []} />
      <OwnReports />
      <OwnFund />
      {compoundIds.map((id) => (
        <OwnNotices key={id} compoundId={id} />
      ))}
    </div>
  );
}
