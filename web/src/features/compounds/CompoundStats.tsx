import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompoundDto } from '../../api/types';

/** Key figures of a compound at a glance. */
export function CompoundStats({ compound }: { compound: CompoundDto }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'buildings', title: t('compounds.buildingCount'), value: compound.buildingCount },
    { key: 'units', title: t('compounds.unitCount'), value: compound.unitCount },
    { key: 'owners', title: t('compounds.ownerCount'), value: compound.ownerCount },
    {
      key: 'area',
      title: t('compounds.buildingArea'),
      value: Number(compound.buildingArea),
      precision: 2,
    },
  ];
  return (
    <Row gutter={16} className="section-card">
      {stats.map((s) => (
        <Col key={s.key} xs={12} lg={6}>
          <Card size="small">
            <Statistic title={s.title} value={s.value} precision={s.precision} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
