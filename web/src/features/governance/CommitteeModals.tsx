// The owners' committee card's forms (CommitteeCard.tsx): a committee action, a meeting, a member leaving, a by-election.
import { Button, Checkbox, Flex, Form, Input, Radio, Select, Space } from 'antd';
import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  useByElection,
  useCommitteeAction,
  useCompoundOwners,
  useEndMembership,
  useRecordMeeting,
} from './api';
import {
  DateField,
  EligibilityHint,
  GroupMembersField,
  groupMembersBody,
  OwnerSelect,
  shanghaiToday,
  type GroupMemberValue,
} from './fields';
import { FormModal } from './FormModal';
import type { CommitteeDto, CommitteeMemberDto } from './types';

export type Action = CommitteeDto['allowedActions'][number];

/** 《规定》 Art 31 (term_end is set by a successor's election). */
const END_REASONS = ['not_owner', 'resigned', 'unable', 'refused_to_convene', 'absence', 'breach'] as const;

export function CommitteeActionModal({
  committee,
  action,
  onClose,
}: {
  committee: CommitteeDto;
  action: Action;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useCommitteeAction(committee.id);
  const owners = useCompoundOwners(committee.compoundId);
  const ownerName = (id: string) => owners.data?.find((o) => o.id === id)?.name ?? id;
  type V = { on: string; accepted?: boolean; note?: string; members?: GroupMemberValue[] };
  const submit = (v: V) => {
    const version = committee.version;
    switch (action) {
      case 'decide_filing':
        return mutation.mutateAsync({
          action,
          version,
          on: v.on,
          accepted: v.accepted !== false,
          note: v.note,
        });
      case 'form_reelection_group':
        return mutation.mutateAsync({
          action,
          version,
          on: v.on,
          members: groupMembersBody(v.members, ownerName),
        });
      default:
        return mutation.mutateAsync({ action, version, on: v.on });
    }
  };
  return (
    <FormModal<V>
      title={t(`gov.committee.actions.${action}`)}
      open
      onClose={onClose}
      submit={submit}
      testId="committee-modal"
      width={action === 'form_reelection_group' ? 760 : 520}
      initialValues={{
        on: shanghaiToday(),
        accepted: true,
        members: [
          { role: 'street', leader: true },
          { role: 'residents_committee' },
          { role: 'owner' },
          { role: 'owner' },
          { role: 'owner' },
        ],
      }}
    >
      <DateField name="on" label={t('gov.formation.on')} testId="field-on" />
      {action === 'decide_filing' && (
        <>
          <Form.Item name="accepted">
            <Radio.Group>
              <Radio value>{t('gov.committee.accept')}</Radio>
              <Radio value={false}>{t('gov.committee.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('gov.formation.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      {action === 'form_reelection_group' && (
        <Form.Item label={t('gov.committee.reelectionGroup')} extra={t('gov.formation.groupRule')}>
          <GroupMembersField
            compoundId={committee.compoundId}
            roles={['owner', 'street', 'residents_committee']}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

export function MeetingModal({ committee, onClose }: { committee: CommitteeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRecordMeeting(committee.id);
  const active = committee.members.filter((m) => !m.endedOn);
  type V = {
    heldOn: string;
    kind: 'regular' | 'extraordinary';
    minutes: string;
    present: string[];
    resolutions?: { title: string; signedBy?: string[] }[];
  };
  return (
    <FormModal<V>
      title={t('gov.committee.recordMeeting')}
      open
      onClose={onClose}
      testId="meeting-modal"
      width={680}
      initialValues={{
        heldOn: shanghaiToday(),
        kind: 'regular',
        present: active.map((m) => m.id),
        resolutions: [],
      }}
      submit={(v) =>
        mutation.mutateAsync({
          heldOn: v.heldOn,
          kind: v.kind,
          minutes: v.minutes,
          attendance: active.map((m) => ({ memberId: m.id, present: v.present.includes(m.id) })),
          resolutions: (v.resolutions ?? []).map((r) => ({ title: r.title, signedBy: r.signedBy ?? [] })),
        })
      }
    >
      <Space>
        <DateField name="heldOn" label={t('gov.committee.heldOn')} />
        <Form.Item name="kind" label={t('gov.committee.kind')}>
          <Select
            style={{ width: 140 }}
            options={(['regular', 'extraordinary'] as const).map((k) => ({
              value: k,
              label: t(`gov.committee.kinds.${k}`),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="present" label={t('gov.committee.attendance')}>
        <Checkbox.Group options={active.map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Form.Item
        name="minutes"
        label={t('gov.committee.minutes')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Input.TextArea rows={3} data-testid="field-minutes" />
      </Form.Item>
      <Form.List name="resolutions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true }]} noStyle>
                  <Input
                    placeholder={t('gov.committee.resolutionTitle')}
                    style={{ width: 220 }}
                    data-testid={`resolution-title-${f.name}`}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'signedBy']} noStyle>
                  <Select
                    mode="multiple"
                    placeholder={t('gov.committee.signedBy')}
                    style={{ minWidth: 260 }}
                    data-testid={`resolution-signedBy-${f.name}`}
                    options={active.map((m) => ({ value: m.id, label: m.name }))}
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', signedBy: [] })}
              data-testid="meeting-add-resolution"
            >
              {t('gov.committee.addResolution')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}

export function MemberEndModal({
  committee,
  member,
  onClose,
}: {
  committee: CommitteeDto;
  member: CommitteeMemberDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useEndMembership(committee.id);
  return (
    <FormModal<{ on: string; reason: string }>
      title={`${t('gov.committee.end')} · ${member.name}`}
      open
      onClose={onClose}
      testId="member-end-modal"
      initialValues={{ on: shanghaiToday(), reason: 'resigned' }}
      submit={(v) =>
        mutation.mutateAsync({ memberId: member.id, version: member.version, on: v.on, reason: v.reason })
      }
    >
      <DateField name="on" label={t('gov.formation.on')} />
      <Form.Item name="reason" label={t('gov.committee.endReason')}>
        <Select options={END_REASONS.map((r) => ({ value: r, label: t(`gov.committee.endReasons.${r}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

export function ByElectionModal({ committee, onClose }: { committee: CommitteeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useByElection(committee.id);
  type V = {
    on: string;
    ownerId: string;
    position: 'member' | 'vice_chair' | 'chair';
    undertakingSigned: boolean;
    employedByManager: boolean;
  };
  return (
    <FormModal<V>
      title={t('gov.committee.byElect')}
      open
      onClose={onClose}
      testId="by-election-modal"
      initialValues={{
        on: shanghaiToday(),
        position: 'member',
        undertakingSigned: true,
        employedByManager: false,
      }}
      submit={(v) => mutation.mutateAsync(v)}
    >
      <DateField name="on" label={t('gov.formation.on')} />
      <Form.Item name="ownerId" label={t('gov.formation.owner')} rules={[{ required: true }]}>
        <OwnerSelect compoundId={committee.compoundId} testId="field-ownerId" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => (
          <EligibilityHint
            compoundId={committee.compoundId}
            ownerId={getFieldValue('ownerId')}
            employed={getFieldValue('employedByManager')}
          />
        )}
      </Form.Item>
      <Form.Item name="position" label={t('gov.committee.position')}>
        <Select
          options={(['member', 'vice_chair', 'chair'] as const).map((p) => ({
            value: p,
            label: t(`gov.committee.positions.${p}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="undertakingSigned" valuePropName="checked">
        <Checkbox>{t('gov.committee.undertaking')}</Checkbox>
      </Form.Item>
      <Form.Item name="employedByManager" valuePropName="checked">
        <Checkbox>{t('gov.committee.employed')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
