import { Breadcrumb, Card, Empty, Flex, Input, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicLayout } from '../report/PublicLayout';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { usePublicCompanies, usePublicCompany } from './api';
import { StandingTag } from './tags';

/**
 * 物业服务企业信用信息 (no sign-in; 《上海市住宅物业管理规定》第三十八条): every company with its standing and the
 * number of its published records in force, worst standing first. No personal data.
 */
export function PublicCreditPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const list = usePublicCompanies(q);
  return (
    <PublicLayout>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="public-credit-title">
        {t('industry.publicTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('industry.publicIntro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        size="large"
        placeholder={t('industry.search')}
        aria-label={t('industry.search')}
        onSearch={(v) => setQ(v || undefined)}
        style={{ marginBottom: 16 }}
        data-testid="public-credit-search"
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <List
            data-testid="public-credit-list"
            dataSource={list.data.items}
            locale={{ emptyText: t('industry.empty') }}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Link to={`/credit/${c.id}`} style={{ fontSize: 16 }}>
                    {c.name}
                  </Link>
                  <Flex gap={8} wrap align="center">
                    <StandingTag standing={c.standing} />
                    <Typography.Text type="secondary">
                      {t('industry.publishedRecords')}：
                      {t('industry.recordsInForceValue', { bad: c.standing.bad, good: c.standing.good })}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </PublicLayout>
  );
}

/** One company's published credit records in force, in words (a manager's record names no person). */
export function PublicCompanyCreditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = usePublicCompany(id);
  return (
    <PublicLayout>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/credit">{t('industry.publicTitle')}</Link> }, { title: q.data?.name }]}
      />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="public-company-title">
            {q.data.name}
          </Typography.Title>
          <Card size="small">
            <Flex vertical gap={6}>
              <StandingTag standing={q.data.standing} testId="public-company-standing" />
              {q.data.creditCode && (
                <Typography.Text>
                  {t('industry.creditCode')}：<span className="num">{q.data.creditCode}</span>
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {q.data.standingNote}
              </Typography.Text>
            </Flex>
          </Card>
          <Card size="small" title={t('industry.publicRecords')}>
            {q.data.records.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('industry.publicEmpty')} />
            ) : (
              <List
                data-testid="public-company-records"
                dataSource={q.data.records}
                renderItem={(r) => (
                  <List.Item>
                    <Flex vertical gap={4}>
                      <span>
                        <Tag color={r.kind === 'bad' ? 'red' : 'green'}>
                          {t(`industry.recordKind.${r.kind}`)}
                        </Tag>
                        {r.description}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {r.orgName} ·{' '}
                        {r.expiresOn
                          ? t('industry.publishedRange', {
                              from: formatDate(r.publishedOn),
                              to: formatDate(r.expiresOn),
                            })
                          : t('industry.publishedFrom', { from: formatDate(r.publishedOn) })}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      )}
    </PublicLayout>
  );
}
