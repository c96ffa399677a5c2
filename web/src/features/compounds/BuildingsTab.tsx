import { useState } from 'react';
import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuildingDto } from '../../api/types';
import { QueryError } from '../../shared/QueryError';
import { compareText } from '../../shared/format';
import { useBuildings } from './api';
import { UnitsDrawer } from './UnitsDrawer';

export function BuildingsTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const buildings = useBuildings(compoundId);
  const [open, setOpen] = useState<BuildingDto | null>(null);

  if (buildings.isError)
    return <QueryError error={buildings.error} onRetry={() => void buildings.refetch()} />;

  const columns: TableColumnsType<BuildingDto> = [
    {
      title: t('buildings.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareText(a.name, b.name),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('buildings.floors'),
      dataIndex: 'floors',
      align: 'right',
      width: 100,
      sorter: (a, b) => a.floors - b.floors,
    },
    {
      title: t('buildings.unitCount'),
      dataIndex: 'unitCount',
      align: 'right',
      width: 100,
      sorter: (a, b) => a.unitCount - b.unitCount,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            setOpen(row);
          }}
        >
          {t('buildings.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Table<BuildingDto>
        data-testid="buildings-table"
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={buildings.data ?? []}
        loading={buildings.isPending}
        pagination={false}
        onRow={(row) => ({ onClick: () => setOpen(row), className: 'clickable-row' })}
      />
      <UnitsDrawer building={open} onClose={() => setOpen(null)} />
    </>
  );
}
