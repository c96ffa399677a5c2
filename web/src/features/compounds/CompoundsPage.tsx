import { Button, Card, Form, Input, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CompoundListItemDto } from '../../api/types';
import { useAuth } from '../../app/auth';
import { DivisionFilter } from '../divisions/DivisionFilter';
import { ExportButtons } from '../../shared/ExportButtons';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { compareNumber, compareText, formatArea } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useCompounds } from './api';

const FILTER_KEYS = ['district', 'street', 'q'] as const;

export function CompoundsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useCompounds(filters);

  const columns: TableColumnsType<CompoundListItemDto> = [
    {
      title: t('compounds.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, row) => (
        <Link to={`/compounds/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('compounds.code'),
      dataIndex: 'code',
      width: 150,
      sorter: (a, b) => compareText(a.code, b.code),
      render: (code: string) => <span className="num">{code}</span>,
    },
    { title: t('compounds.district'), dataIndex: 'districtName', width: 110 },
    {
      title: t('compounds.street'),
      dataIndex: 'streetName',
      width: 150,
      sorter: (a, b) => compareText(a.streetName, b.streetName),
    },
    { title: t('compounds.address'), dataIndex: 'address', ellipsis: true },
    {
      title: t('compounds.buildingArea'),
      dataIndex: 'buildingArea',
      align: 'right',
      width: 150,
      sorter: (a, b) => compareNumber(a.buildingArea, b.buildingArea),
      render: formatArea,
    },
    {
      title: t('compounds.unitCount'),
      dataIndex: 'unitCount',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.unitCount - b.unitCount,
    },
    {
      title: t('compounds.propertyCompany'),
      dataIndex: 'propertyCompanyName',
      ellipsis: true,
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('compounds.title')}
        extra={can('registry.export') && <ExportButtons list="compounds" params={filters} />}
      />
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <DivisionFilter
            district={filters.district}
            street={filters.street}
            onChange={(v) => setFilters({ district: v.district, street: v.street })}
          />
          <Form.Item label={t('filter.name')} htmlFor="filter-q">
            <Input.Search
              id="filter-q"
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t('filter.namePlaceholder')}
              allowClear
              enterButton={t('common.search')}
              style={{ width: 300 }}
              onSearch={(q) => setFilters({ q: q.trim() })}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button onClick={() => setFilters({ district: null, street: null, q: null })}>
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <PagedTable<CompoundListItemDto>
        list={list}
        testId="compounds-table"
        rowKey="id"
        columns={columns}
        locale={{ emptyText: t('compounds.empty') }}
        onRow={(row) => ({ onClick: () => navigate(`/compounds/${row.id}`), className: 'clickable-row' })}
      />
    </>
  );
}
