import { useMemo, useState } from 'react';
import { Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useDissolveOwnerGroup, useFormOwnerGroup, useUnits } from './api';
import { DateField, OwnerSelect, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import type { GovernanceCompoundDto, OwnerGroupDto } from './types';

/** 业主小组 per building or entrance (幢、单元, 《规定》 Art 35): formed and dissolved by the street or the committee. */
export function OwnerGroupsCard({ g }: { g: GovernanceCompoundDto }) {
  const { t } = useTranslation();
  const [forming, setForming] = useState(false);
  const [dissolving, setDissolving] = useState<OwnerGroupDto | null>(null);
  const manage = g.canManageOwnerGroups;
  const several = g.buildings.length >= 2;
  return (
    <Card
      size="small"
      title={t('gov.ownerGroups.title')}
      data-testid="owner-groups-card"
      extra={
        manage &&
        several && (
          <Button icon={<PlusOutlined />} onClick={() => setForming(true)} data-testid="owner-group-new">
            {t('gov.ownerGroups.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {several ? t('gov.ownerGroups.rule') : t('gov.ownerGroups.singleBuilding')}
      </Typography.Paragraph>
      <Table<OwnerGroupDto>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        data-testid="owner-groups-table"
        dataSource={g.ownerGroups}
        locale={{ emptyText: t('gov.ownerGroups.empty') }}
        scroll={{ x: 680 }}
        rowClassName={(r) => (r.status === 'dissolved' ? 'row-ended' : '')}
        columns={[
          {
            title: t('gov.ownerGroups.building'),
            dataIndex: 'buildingName',
            width: 140,
            render: (name: string, r: OwnerGroupDto) => (r.entrance ? `${name} ${r.entrance}` : name),
          },
          { title: t('gov.ownerGroups.formedOn'), dataIndex: 'formedOn', width: 110, render: formatDate },
          {
            title: t('gov.ownerGroups.representatives'),
            dataIndex: 'representatives',
            render: (rs: OwnerGroupDto['representatives']) =>
              rs.map((r) => r.name).join('、') || t('common.none'),
          },
          { title: t('gov.ownerGroups.decisions'), dataIndex: 'decisions', width: 100, align: 'right' },
          {
            title: t('gov.col.state'),
            dataIndex: 'status',
            width: 150,
            render: (s: OwnerGroupDto['status'], r) => (
              <Space size={4}>
                <Tag color={s === 'active' ? 'success' : 'default'} data-status={s}>
                  {t(`gov.ownerGroups.status.${s}`)}
                </Tag>
                {r.dissolvedOn}
              </Space>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: OwnerGroupDto) =>
                    r.status === 'active' && (
                      <Button
                        size="small"
                        danger
                        onClick={() => setDissolving(r)}
                        data-testid={`owner-group-dissolve-${r.id}`}
                      >
                        {t('gov.ownerGroups.dissolve')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {forming && <FormGroupModal g={g} onClose={() => setForming(false)} />}
      {dissolving && <DissolveModal group={dissolving} onClose={() => setDissolving(null)} />}
    </Card>
  );
}

function FormGroupModal({ g, onClose }: { g: GovernanceCompoundDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useFormOwnerGroup(g.compoundId);
  type V = { buildingId: string; entrance?: string; formedOn: string; representativeOwnerIds?: string[] };
  return (
    <FormModal<V>
      title={t('gov.ownerGroups.new')}
      open
      onClose={onClose}
      testId="owner-group-modal"
      initialValues={{ formedOn: shanghaiToday(), representativeOwnerIds: [] }}
      submit={(v) =>
        mutation.mutateAsync({
          buildingId: v.buildingId,
          ...(v.entrance ? { entrance: v.entrance } : {}),
          formedOn: v.formedOn,
          representativeOwnerIds: v.representativeOwnerIds ?? [],
        })
      }
    >
      <BuildingAndRepresentatives g={g} />
      <DateField name="formedOn" label={t('gov.ownerGroups.formedOn')} testId="field-formedOn" />
    </FormModal>
  );
}

/**
 * The building, its entrance (单元) when the registry records entrances (empty = the whole building), then
 * representatives among the owners there (a new building or entrance clears them). Art 35: 以幢、单元为单位.
 */
function BuildingAndRepresentatives({ g }: { g: GovernanceCompoundDto }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const buildingId = Form.useWatch<string | undefined>('buildingId', form);
  const entrance = Form.useWatch<string | undefined>('entrance', form);
  const units = useUnits(buildingId);
  const entrances = useMemo(
    () => [...new Set((units.data ?? []).flatMap((u) => (u.entrance ? [u.entrance] : [])))].sort(),
    [units.data],
  );
  const ownersThere = useMemo(
    () =>
      new Set(
        (units.data ?? [])
          .filter((u) => !entrance || u.entrance === entrance)
          .flatMap((u) => u.owners.map((o) => o.id)),
      ),
    [units.data, entrance],
  );
  const active = g.ownerGroups.filter((x) => x.status === 'active');
  // A whole-building group takes the building; an entrance group takes its entrance.
  const taken = new Set(active.filter((x) => !x.entrance).map((x) => x.buildingId));
  const takenEntrances = new Set(active.filter((x) => x.buildingId === buildingId).map((x) => x.entrance));
  return (
    <>
      <Form.Item
        name="buildingId"
        label={t('gov.ownerGroups.building')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Select
          data-testid="field-buildingId"
          showSearch={{ optionFilterProp: 'label' }}
          onChange={() => form.setFieldsValue({ entrance: undefined, representativeOwnerIds: [] })}
          options={g.buildings.map((b) => ({ value: b.id, label: b.name, disabled: taken.has(b.id) }))}
        />
      </Form.Item>
      {entrances.length > 0 && (
        <Form.Item
          name="entrance"
          label={t('gov.ownerGroups.entrance')}
          extra={t('gov.ownerGroups.entranceHint')}
        >
          <Select
            data-testid="field-entrance"
            allowClear
            placeholder={t('gov.ownerGroups.wholeBuilding')}
            onChange={() => form.setFieldValue('representativeOwnerIds', [])}
            options={entrances.map((e) => ({ value: e, label: e, disabled: takenEntrances.has(e) }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="representativeOwnerIds"
        label={t('gov.ownerGroups.representatives')}
        extra={t('gov.ownerGroups.representativesHint')}
      >
        <OwnerSelect
          compoundId={g.compoundId}
          multiple
          only={buildingId ? ownersThere : new Set()}
          testId="field-representatives"
        />
      </Form.Item>
    </>
  );
}

function DissolveModal({ group, onClose }: { group: OwnerGroupDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useDissolveOwnerGroup();
  return (
    <FormModal<{ on: string }>
      title={`${t('gov.ownerGroups.dissolve')} · ${group.buildingName}`}
      open
      onClose={onClose}
      testId="owner-group-dissolve-modal"
      initialValues={{ on: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ groupId: group.id, version: group.version, on: v.on })}
    >
      <DateField name="on" label={t('gov.ownerGroups.dissolvedOn')} testId="field-on" />
    </FormModal>
  );
}
