import { useMemo, useState } from 'react';
import { Card, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { LevelTag } from '../../shared/tags';
import { useDivisions, type DivisionNode } from './api';

const STREET_LEVELS = new Set(['street', 'town', 'township']);

export function DivisionsPage() {
  const { t } = useTranslation();
  const divisions = useDivisions();
  const [term, setTerm] = useState('');
  const all = divisions.data ?? [];

  const rows: DivisionNode[] = useMemo(() => {
    const q = term.trim();
    if (!q) return divisions.tree;
    return all.filter((d) => d.name.includes(q) || d.code.startsWith(q)).map((d) => ({ ...d }));
  }, [term, all, divisions.tree]);

  const columns: TableColumnsType<DivisionNode> = [
    { title: t('divisions.name'), dataIndex: 'name' },
    {
      title: t('divisions.code'),
      dataIndex: 'code',
      width: 160,
      render: (c: string) => <span className="num">{c}</span>,
    },
    {
      title: t('divisions.level'),
      dataIndex: 'level',
      width: 120,
      render: (level: string) => <LevelTag level={level} />,
    },
    {
      title: t('divisions.children'),
      key: 'children',
      width: 120,
      align: 'right',
      render: (_, d) => divisions.childCount(d.code) || '',
    },
  ];

  if (divisions.isError)
    return <QueryError error={divisions.error} onRetry={() => void divisions.refetch()} />;

  return (
    <>
      <PageHeader title={t('divisions.title')}>
        <Typography.Text type="secondary">
          {t('divisions.summary', {
            districts: divisions.districts.length,
            streets: all.filter((d) => STREET_LEVELS.has(d.level)).length,
          })}
        </Typography.Text>
      </PageHeader>
      <Card size="small" className="filter-card">
        <Form layout="inline">
          <Form.Item label={t('divisions.filter')} htmlFor="divisions-filter">
            <Input.Search
              id="divisions-filter"
              allowClear
              style={{ width: 300 }}
              placeholder="花木 / 310115"
              onSearch={setTerm}
              onChange={(e) => !e.target.value && setTerm('')}
            />
          </Form.Item>
        </Form>
      </Card>
      <Table<DivisionNode>
        data-testid="divisions-table"
        key={term ? 'flat' : 'tree'}
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        loading={divisions.isPending}
        pagination={false}
        expandable={{ defaultExpandedRowKeys: ['310000'] }}
      />
    </>
  );
}
