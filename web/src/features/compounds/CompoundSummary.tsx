import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../../domain/calendar';
import type { CompoundDto } from '../../api/types';
import { formatArea, formatDate } from '../../shared/format';

function currentContract(compound: CompoundDto) {
  const today = shanghaiDate(new Date());
  return (
    compound.contracts.find((c) => c.startsOn <= today && (!c.endsOn || c.endsOn >= today)) ??
    compound.contracts[0]
  );
}

export function CompoundSummary({ compound }: { compound: CompoundDto }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const contract = currentContract(compound);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'code', label: t('compounds.code'), children: compound.code },
        { key: 'name', label: t('compounds.name'), children: compound.name },
        { key: 'address', label: t('compounds.address'), children: compound.address },
        {
          key: 'division',
          label: `${t('compounds.district')} / ${t('compounds.street')}`,
          children: `${compound.districtName} / ${compound.streetName}`,
        },
        {
          key: 'rc',
          label: t('compounds.residentsCommittee'),
          children: compound.residentsCommitteeName ?? none,
        },
        { key: 'grid', label: t('compounds.gridCell'), children: compound.gridCellName ?? none },
        {
          key: 'area',
          label: t('compounds.buildingArea'),
          children: <span className="num">{formatArea(compound.buildingArea)}</span>,
        },
        {
          key: 'delivery',
          label: t('compounds.firstDelivery'),
          children: formatDate(compound.firstDeliveryOn),
        },
        {
          key: 'company',
          label: t('compounds.propertyCompany'),
          children: compound.propertyCompanyName ?? none,
        },
        {
          key: 'contract',
          label: t('compounds.currentContract'),
          children: contract
            ? `${t('compounds.contractPeriod', {
                from: formatDate(contract.startsOn),
                to: contract.endsOn ? formatDate(contract.endsOn) : t('compounds.openEnded'),
              })} · ${contract.serviceLevel}${contract.projectOfficeName ? ` · ${contract.projectOfficeName}` : ''}`
            : none,
        },
        {
          key: 'area-name',
          label: t('compounds.managementArea'),
          children: compound.managementAreaName ?? none,
        },
      ]}
    />
  );
}
