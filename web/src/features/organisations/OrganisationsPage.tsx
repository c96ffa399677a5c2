import { Button, Card, Form, Input, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationDto } from '../../api/types';
import { useAuth } from '../../app/auth';
import { DivisionFilter } from '../divisions/DivisionFilter';
import { ExportButtons } from '../../shared/ExportButtons';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { OrgTypeTag } from '../../shared/tags';
import { compareText } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { ORGANISATION_TYPE_NAMES, useOrganisations } from './api';
import { OrganisationDrawer } from './OrganisationDrawer';

const FILTER_KEYS = ['type', 'district', 'street', 'q', 'open'] as const;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const apiFilters = { type: filters.type, division: filters.street ?? filters.district, q: filters.q };
  const list = useOrganisations(apiFilters);

  const columns: TableColumnsType<OrganisationDto> = [
    {
      title: t('organisations.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, row) => (
        <Button type="link" size="small" className="link-cell" onClick={() => setFilters({ open: row.id })}>
          {name}
        </Button>
      ),
    },
    {
      title: t('organisations.type'),
      dataIndex: 'type',
      width: 150,
      sorter: (a, b) => compareText(a.type, b.type),
      render: (type: string) => <OrgTypeTag type={type} />,
    },
    {
      title: t('organisations.division'),
      dataIndex: 'divisionName',
      width: 150,
      sorter: (a, b) => compareText(a.divisionCode, b.divisionCode),
      render: (v: string | null, row) => v ?? row.divisionCode,
    },
    {
      title: t('organisations.phone'),
      dataIndex: 'phone',
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('organisations.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (v: string | null) => <span className="num">{v ?? '—'}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        extra={can('registry.export') && <ExportButtons list="organisations" params={apiFilters} />}
      />
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <Form.Item label={t('organisations.type')} htmlFor="filter-type">
            <Select
              id="filter-type"
              data-testid="organisations-type"
              style={{ width: 180 }}
              allowClear
              placeholder={t('organisations.anyType')}
              value={filters.type}
              options={ORGANISATION_TYPE_NAMES.map((type) => ({
                value: type,
                label: t(`organisations.types.${type}`),
              }))}
              onChange={(type?: string) => setFilters({ type })}
            />
          </Form.Item>
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
              style={{ width: 260 }}
              onSearch={(q) => setFilters({ q: q.trim() })}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => setFilters({ type: null, district: null, street: null, q: null })}>
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <PagedTable<OrganisationDto>
        list={list}
        testId="organisations-table"
        rowKey="id"
        columns={columns}
        locale={{ emptyText: t('organisations.empty') }}
        onRow={(row) => ({ onClick: () => setFilters({ open: row.id }), className: 'clickable-row' })}
      />
      <OrganisationDrawer id={filters.open ?? null} onClose={() => setFilters({ open: null })} />
    </>
  );
}
