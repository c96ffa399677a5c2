// Small form fields shared by the governance modals.
import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatShanghai, fromShanghaiWallClock, shanghaiDate } from '../../../../domain/calendar';
import { GROUP_ROLES } from '../../../../domain/governance';
import { useBuildings, useCompoundOwners, useEligibility, useUnits } from './api';

/** Today's date in Shanghai (YYYY-MM-DD), the default of every date field. */
export function shanghaiToday(): string {
  return shanghaiDate(new Date());
}

/**
 * A 'YYYY-MM-DDTHH:mm[:ss]' wall-clock value in Shanghai → an ISO instant with +08:00. A value that is not
 * one is passed on unchanged, so that the server's validation message reaches the user.
 */
export function shanghaiInstant(local: string): string {
  try {
    return formatShanghai(fromShanghaiWallClock(local));
  } catch {
    return local;
  }
}

export function DateField({ name, label, testId }: { name: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('gov.required') }]}>
      <Input type="date" data-testid={testId} style={{ width: 180 }} />
    </Form.Item>
  );
}

export function OwnerSelect({
  compoundId,
  value,
  onChange,
  testId,
  multiple,
  only,
}: {
  compoundId: string;
  value?: string | string[];
  onChange?: (v: string) => void;
  testId?: string;
  /** Several owners (e.g. an owner group's representatives); the value is then a list of owner ids. */
  multiple?: boolean;
  /** Offer only these owners (e.g. the owners of one building). */
  only?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const owners = useCompoundOwners(compoundId);
  return (
    <Select<string | string[]>
      showSearch
      mode={multiple ? 'multiple' : undefined}
      value={value}
      // a list of ids when `multiple`, else one id
      onChange={onChange as ((v: string | string[]) => void) | undefined}
      loading={owners.isLoading}
      placeholder={t('gov.formation.owner')}
      optionFilterProp="label"
      style={{ minWidth: 260 }}
      data-testid={testId}
      options={(owners.data ?? [])
        .filter((o) => o.kind !== 'developer' && (!only || only.has(o.id)))
        .map((o) => ({
          value: o.id,
          label: `${o.name}（${o.units.map((u) => u.label).join('、')}）`,
        }))}
    />
  );
}

/** A unit of the compound, chosen by building then unit number; the form value is the unit id. */
export function UnitPicker({
  compoundId,
  value,
  onChange,
  testId,
}: {
  compoundId: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const buildings = useBuildings(compoundId);
  const units = useUnits(buildingId);
  return (
    <Space.Compact block>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={buildingId}
        onChange={(b: string) => {
          setBuildingId(b);
          onChange?.(undefined);
        }}
        loading={buildings.isLoading}
        placeholder={t('gov.arrears.building')}
        style={{ width: '45%' }}
        data-testid={testId && `${testId}-building`}
        options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
      />
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={value}
        onChange={onChange}
        disabled={!buildingId}
        loading={units.isFetching}
        placeholder={t('gov.arrears.unit')}
        style={{ width: '55%' }}
        data-testid={testId && `${testId}-unit`}
        options={(units.data ?? []).map((u) => ({
          value: u.id,
          label: `${u.number}${u.owners.length ? `（${u.owners.map((o) => o.name).join('、')}）` : ''}`,
        }))}
      />
    </Space.Compact>
  );
}

/** Shows, once an owner is chosen, whether the system knows of a disqualification (Art 20 ¶2). */
export function EligibilityHint({
  compoundId,
  ownerId,
  employed,
}: {
  compoundId: string;
  ownerId?: string;
  employed?: boolean;
}) {
  const { t } = useTranslation();
  const e = useEligibility(compoundId, ownerId, !!employed);
  if (!ownerId) return null;
  if (e.isLoading) return <Tag>{t('gov.committee.checking')}</Tag>;
  if (!e.data) return null;
  return e.data.eligible ? (
    <Tooltip title={e.data.unchecked.map((u) => u.message).join('；')}>
      <Tag color="success" data-testid="eligibility-ok">
        {t('gov.committee.eligible')}
      </Tag>
    </Tooltip>
  ) : (
    <Tooltip title={e.data.reasons.map((r) => r.message).join('；')}>
      <Tag color="error" data-testid="eligibility-bad">
        {t('gov.committee.ineligible')}：{e.data.reasons.map((r) => r.message).join('；')}
      </Tag>
    </Tooltip>
  );
}

/** Members of a 筹备组 / 换届改选小组: name, role, the owner (for owner representatives), leader. */
export function GroupMembersField({
  compoundId,
  roles = GROUP_ROLES,
}: {
  compoundId: string;
  roles?: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap>
              <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} noStyle>
                <Select
                  style={{ width: 150 }}
                  options={roles.map((r) => ({ value: r, label: t(`gov.formation.roles.${r}`) }))}
                  data-testid={`group-role-${field.name}`}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue, setFieldValue }) =>
                  getFieldValue(['members', field.name, 'role']) === 'owner' ? (
                    <Form.Item name={[field.name, 'ownerId']} rules={[{ required: true }]} noStyle>
                      <OwnerSelect
                        compoundId={compoundId}
                        testId={`group-owner-${field.name}`}
                        onChange={(id) => {
                          setFieldValue(['members', field.name, 'ownerId'], id);
                        }}
                      />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true }]} noStyle>
                      <Input
                        placeholder={t('gov.formation.name')}
                        style={{ width: 200 }}
                        data-testid={`group-name-${field.name}`}
                      />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name={[field.name, 'leader']} valuePropName="checked" noStyle>
                <Checkbox data-testid={`group-leader-${field.name}`}>{t('gov.formation.leader')}</Checkbox>
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ role: 'owner', leader: false })}
            data-testid="group-add"
          >
            {t('gov.formation.addMember')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

export interface GroupMemberValue {
  role: string;
  name?: string;
  ownerId?: string;
  leader?: boolean;
}

/** Owner representatives carry the owner's name from the registry list. */
export function groupMembersBody(
  members: GroupMemberValue[] | undefined,
  ownerName: (id: string) => string,
): {
  name: string;
  role: 'owner' | 'developer' | 'street' | 'residents_committee';
  ownerId?: string;
  leader: boolean;
}[] {
  return (members ?? []).map((m) => ({
    name: m.role === 'owner' && m.ownerId ? ownerName(m.ownerId) : (m.name ?? ''),
    role: m.role as 'owner',
    ...(m.role === 'owner' && m.ownerId ? { ownerId: m.ownerId } : {}),
    leader: !!m.leader,
  }));
}
