import { Descriptions, Drawer, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { OrgTypeTag } from '../../shared/tags';
import { useDivisions } from '../divisions/api';
import { useOrganisation } from './api';

interface Props {
  id: string | null;
  onClose: () => void;
}

export function OrganisationDrawer({ id, onClose }: Props) {
  const { t } = useTranslation();
  const query = useOrganisation(id);
  const { nameOf } = useDivisions();
  const org = query.data;
  const none = t('common.none');

  let body;
  if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (!org) body = <Skeleton active />;
  else
    body = (
      <Flex vertical gap={20}>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'type', label: t('organisations.type'), children: <OrgTypeTag type={org.type} /> },
            { key: 'name', label: t('organisations.name'), children: org.name },
            { key: 'short', label: t('organisations.shortName'), children: org.shortName ?? none },
            { key: 'kind', label: t('organisations.kind'), children: org.kind ?? none },
            {
              key: 'division',
              label: t('organisations.division'),
              children: `${org.divisionName ?? nameOf(org.divisionCode)}（${org.divisionCode}）`,
            },
            { key: 'credit', label: t('organisations.creditCode'), children: org.creditCode ?? none },
            { key: 'phone', label: t('organisations.phone'), children: org.phone ?? none },
            { key: 'address', label: t('organisations.address'), children: org.address ?? none },
          ]}
        />
        <div>
          <Typography.Title level={5}>
            {t('organisations.coverage')}
            {org.coverage?.length ? ` (${org.coverage.length})` : ''}
          </Typography.Title>
          {org.coverage?.length ? (
            <Flex wrap gap={6}>
              {org.coverage.map((code) => (
                <Tag key={code} title={code}>
                  {nameOf(code)} <span className="muted-code">{code}</span>
                </Tag>
              ))}
            </Flex>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organisations.noCoverage')} />
          )}
        </div>
      </Flex>
    );

  return (
    <Drawer open={!!id} onClose={onClose} size={560} title={org?.name ?? t('organisations.details')}>
      {body}
    </Drawer>
  );
}
