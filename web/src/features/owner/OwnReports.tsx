import { Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import { QueryError } from '../../shared/QueryError';
import { formatDateTime } from '../../shared/format';
import { PUBLIC_STEP_COLOURS } from '../../shared/publicSteps';
import { useOwnCases } from './api';

/** The cases the owner reported, newest first, each in the reporter's words. */
export function OwnReports() {
  const { t } = useTranslation();
  const lang = useLang();
  const cases = useOwnCases();
  const words = (w: { zh: string; en: string }) => (lang === 'en' ? w.en : w.zh);
  return (
    <Card title={t('owner.cases.title')} className="owner-card" data-testid="owner-cases">
      {cases.isPending ? (
        <Skeleton active />
      ) : cases.isError ? (
        <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('owner.cases.none')} />
      ) : (
        <List
          dataSource={cases.data.items}
          rowKey="id"
          renderItem={(c) => (
            <List.Item data-testid="owner-case">
              <Flex vertical gap={4} className="owner-case">
                <Flex justify="space-between" align="start" gap={8}>
                  <Typography.Text strong>{words(c.categoryName)}</Typography.Text>
                  <Tag color={PUBLIC_STEP_COLOURS[c.state]} data-testid="owner-case-state">
                    {words(c.stateLabel)}
                  </Tag>
                </Flex>
                <Typography.Paragraph ellipsis={{ rows: 2 }} className="owner-case-text">
                  {c.description}
                </Typography.Paragraph>
                <Typography.Text type="secondary" className="owner-line">
                  {[c.compoundName, c.unitLabel].filter(Boolean).join(' ')}
                  {' · '}
                  {t('owner.cases.reportedAt', { at: formatDateTime(c.createdAt).slice(0, 16) })}
                </Typography.Text>
                <Typography.Text type="secondary" className="owner-line" copyable={{ text: c.caseNo }}>
                  {t('owner.cases.caseNo', { caseNo: c.caseNo })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
