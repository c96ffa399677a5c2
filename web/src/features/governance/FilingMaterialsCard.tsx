import { useState } from 'react';
import { Alert, Button, Form, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import {
  useFilingMaterials,
  useRecordFilingMaterial,
  type FilingMaterialInputDto,
  type FilingMaterialsDto,
} from './duties-api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import type { CommitteeDto } from './types';

type Item = FilingMaterialsDto['items'][number];

/** 备案材料清单 (《规定》 Art 23 ¶1): the six documents; submit_filing is refused until all are in the file. */
export function FilingMaterialsCard({ committee }: { committee: CommitteeDto }) {
  const { t } = useTranslation();
  const q = useFilingMaterials(committee.id);
  const [adding, setAdding] = useState<Item['material'] | null>(null);
  if (!q.data) return null;
  const f = q.data;
  return (
    <section data-testid="filing-materials">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('gov.filingMaterials.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('gov.filingMaterials.rule')}
      </Typography.Paragraph>
      {f.gaps.length > 0 &&
        committee.filingStatus !== 'accepted' &&
        committee.filingStatus !== 'submitted' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="filing-materials-gaps"
            title={f.gaps.map((g) => t(`gov.filingMaterials.items.${g}`)).join('；')}
          />
        )}
      <Table<Item>
        size="small"
        bordered
        pagination={false}
        rowKey="material"
        dataSource={f.items}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('gov.filingMaterials.title'),
            dataIndex: 'material',
            render: (m: Item['material']) => (
              <>
                {t(`gov.filingMaterials.items.${m}`)}
                {(m === 'member_list' || m === 'training_records') && (
                  <Typography.Text type="secondary"> {t('gov.filingMaterials.memberCover')}</Typography.Text>
                )}
              </>
            ),
          },
          { title: t('gov.filingMaterials.description'), dataIndex: 'description' },
          {
            title: t('gov.filingMaterials.providedOn'),
            dataIndex: 'providedOn',
            width: 110,
            render: formatDate,
          },
          {
            title: t('gov.col.taskState'),
            key: 'state',
            width: 150,
            render: (_: unknown, it) =>
              it.complete ? (
                <Tag color="success">{t('gov.filingMaterials.complete')}</Tag>
              ) : (
                <>
                  <Tag color="warning" data-testid={`filing-material-missing-${it.material}`}>
                    {t('gov.filingMaterials.incomplete')}
                  </Tag>
                  {f.canRecord && !it.providedOn && (
                    <Button
                      size="small"
                      onClick={() => setAdding(it.material)}
                      data-testid={`filing-material-${it.material}`}
                    >
                      {t('gov.filingMaterials.record')}
                    </Button>
                  )}
                </>
              ),
          },
        ]}
      />
      {adding && (
        <MaterialModal committeeId={committee.id} material={adding} onClose={() => setAdding(null)} />
      )}
    </section>
  );
}

function MaterialModal({
  committeeId,
  material,
  onClose,
}: {
  committeeId: string;
  material: Item['material'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRecordFilingMaterial(committeeId);
  return (
    <FormModal<Omit<FilingMaterialInputDto, 'material'>>
      title={t(`gov.filingMaterials.items.${material}`)}
      open
      onClose={onClose}
      testId="filing-material-modal"
      initialValues={{ providedOn: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ ...v, material })}
    >
      <Form.Item
        name="description"
        label={t('gov.filingMaterials.description')}
        rules={[{ required: true, max: 300, message: t('gov.required') }]}
      >
        <Input data-testid="field-description" />
      </Form.Item>
      <DateField name="providedOn" label={t('gov.filingMaterials.providedOn')} testId="field-providedOn" />
    </FormModal>
  );
}
