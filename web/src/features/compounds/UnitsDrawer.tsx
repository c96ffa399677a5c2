import { Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuildingDto, UnitDto } from '../../api/types';
import { QueryError } from '../../shared/QueryError';
import { OwnerKindTag, UnitUseTag } from '../../shared/tags';
import { compareNumber, compareText, formatArea, formatDate } from '../../shared/format';
import { useUnits } from './api';

interface Props {
  building: BuildingDto | null;
  onClose: () => void;
}

export function UnitsDrawer({ building, onClose }: Props) {
  const { t } = useTranslation();
  const units = useUnits(building?.id ?? null);

  const area = (key: 'registeredArea' | 'surveyedArea' | 'contractArea', title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    width: 130,
    render: formatArea,
    sorter: (a: UnitDto, b: UnitDto) => compareNumber(a[key], b[key]),
  });

  const columns: TableColumnsType<UnitDto> = [
    {
      title: t('buildings.unitNumber'),
      dataIndex: 'number',
      width: 90,
      sorter: (a, b) => compareText(a.number, b.number),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('buildings.use'),
      dataIndex: 'use',
      width: 80,
      render: (use: string) => <UnitUseTag use={use} />,
    },
    area('registeredArea', t('buildings.registeredArea')),
    area('surveyedArea', t('buildings.surveyedArea')),
    area('contractArea', t('buildings.contractArea')),
    { title: t('buildings.deliveredOn'), dataIndex: 'deliveredOn', width: 110, render: formatDate },
    {
      title: t('buildings.owners'),
      dataIndex: 'owners',
      render: (owners: UnitDto['owners']) =>
        owners.length === 0
          ? t('common.none')
          : owners.map((o) => (
              <span key={o.id} className="owner-chip">
                {o.name}
                {o.kind !== 'person' && <OwnerKindTag kind={o.kind} />}
              </span>
            )),
    },
  ];

  return (
    <Drawer
      open={!!building}
      onClose={onClose}
      size={960}
      // `units-drawer` for tests; `ant-drawer-content` keeps antd 5's panel class name for existing selectors
      classNames={{ section: 'units-drawer ant-drawer-content' }}
      title={building ? t('buildings.drawerTitle', { name: building.name }) : ''}
      extra={
        building && (
          <Typography.Text type="secondary">
            {t('buildings.floors')} {building.floors} · {t('buildings.unitCount')} {building.unitCount}
          </Typography.Text>
        )
      }
    >
      {units.isError ? (
        <QueryError error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Table<UnitDto>
          data-testid="units-table"
          rowKey="id"
          size="small"
          bordered
          columns={columns}
          dataSource={units.data ?? []}
          loading={units.isFetching && !units.data}
          pagination={false}
        />
      )}
    </Drawer>
  );
}
