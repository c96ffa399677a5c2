import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractDto } from '../../api/types';
import { compareText, formatDate } from '../../shared/format';

export function ContractsTable({ contracts }: { contracts: ContractDto[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ContractDto> = [
    { title: t('contracts.company'), dataIndex: 'companyName' },
    {
      title: t('contracts.projectOffice'),
      dataIndex: 'projectOfficeName',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('contracts.startsOn'),
      dataIndex: 'startsOn',
      width: 130,
      render: formatDate,
      sorter: (a, b) => compareText(a.startsOn, b.startsOn),
      defaultSortOrder: 'descend',
    },
    {
      title: t('contracts.endsOn'),
      dataIndex: 'endsOn',
      width: 130,
      render: (v: string | null) => (v ? formatDate(v) : t('compounds.openEnded')),
    },
    { title: t('contracts.serviceLevel'), dataIndex: 'serviceLevel', width: 110 },
  ];
  return (
    <Table<ContractDto>
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={contracts}
      pagination={false}
      locale={{ emptyText: t('contracts.empty') }}
    />
  );
}
