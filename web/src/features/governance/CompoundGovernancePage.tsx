import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Tabs,
  Tag,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatArea, formatDate } from '../../shared/format';
import { useCompoundGovernance, useRecordCommittee, useStartFormation, useTasks } from './api';
import { ArrearsCard } from './ArrearsCard';
import { ViolationsCard } from './ViolationsCard';
import { CommitteeCard, TaskTable } from './CommitteeCard';
import { DecisionsCard } from './DecisionsCard';
import { ExemptionCard } from './ExemptionCard';
import { DateField, EligibilityHint, OwnerSelect, shanghaiToday } from './fields';
import { FormationCard } from './FormationCard';
import { FormModal } from './FormModal';
import { OwnerGroupsCard } from './OwnerGroupsCard';
import { committeeCompound } from './roles';
import { GovStateTag } from './tags';
import type { GovernanceCompoundDto } from './types';
import './governance.css';

const TABS = ['assembly', 'decisions', 'groups', 'arrears', 'violations'] as const;

/** One compound's governance: the assembly trigger, the formation, the committee and its decisions. */
export function CompoundGovernancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me } = useAuth();
  const q = useCompoundGovernance(id);
  const [startOnRequest, setStartOnRequest] = useState(false);
  const [recording, setRecording] = useState(false);
  const start = useStartFormation(id);
  // The workspace's parts are tabs (a deep link names one: ?tab=decisions); the assembly and committee first.
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'assembly';
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const g = q.data;
  const isStreet = g.canRecordCommittee;
  const canRunDecisions = isStreet || committeeCompound(me) === g.compoundId;
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="governance-compound-title">{g.compoundName}</span>
            <GovStateTag state={g.state} />
          </Space>
        }
        extra={
          <Space>
            <Link to="/governance">{t('common.back')}</Link>
            <Link to={`/compounds/${g.compoundId}`}>{t('gov.col.compound')}</Link>
            <Link to={`/notices?compound=${g.compoundId}`} data-testid="governance-notices-link">
              {t('gov.notices.open')}
            </Link>
            <Link to={`/fund/compounds/${g.compoundId}`} data-testid="governance-fund-link">
              {t('fund.open')}
            </Link>
          </Space>
        }
      />
      <Tabs
        data-testid="governance-tabs"
        activeKey={tab}
        onChange={(key) => setParams((p) => (p.set('tab', key), p), { replace: true })}
        items={[
          {
            key: 'assembly',
            label: <span data-testid="gov-tab-assembly">{t('gov.compound.tabs.assembly')}</span>,
            children: (
              <Flex vertical gap={16}>
                <TriggerCard g={g} />
                {g.canStartFormation && (
                  <Space>
                    <Button
                      type="primary"
                      disabled={!g.trigger.met}
                      loading={start.isPending}
                      onClick={() => start.mutate({ triggerKind: 'detected' })}
                      data-testid="formation-start"
                    >
                      {t('gov.compound.startFormation')}
                    </Button>
                    <Button onClick={() => setStartOnRequest(true)}>
                      {t('gov.compound.startOnRequest')}
                    </Button>
                  </Space>
                )}
                {g.formation && <FormationCard formation={g.formation} compoundId={g.compoundId} />}
                {!g.committee && !g.formation && <ExemptionCard compoundId={g.compoundId} />}
                {isStreet &&
                  (!g.committee ||
                    g.committee.reelectionGroup ||
                    g.state === 'expired' ||
                    g.state === 'dysfunctional') && (
                    <Space>
                      <Button onClick={() => setRecording(true)} data-testid="committee-record">
                        {t('gov.compound.recordCommittee')}
                      </Button>
                    </Space>
                  )}
                {g.committee && <CommitteeCard committee={g.committee} isStreet={isStreet} />}
                {g.pastCommittees.length > 0 && (
                  <Card size="small" title={t('gov.compound.past')}>
                    <Space wrap>
                      {g.pastCommittees.map((p) => (
                        <Tag key={p.id}>
                          {t('gov.committee.termNo', { n: p.termNo })} {p.electedOn} — {p.termEndsOn}
                        </Tag>
                      ))}
                    </Space>
                  </Card>
                )}
              </Flex>
            ),
          },
          {
            key: 'decisions',
            label: <span data-testid="gov-tab-decisions">{t('gov.compound.tabs.decisions')}</span>,
            children: <DecisionsCard compoundId={g.compoundId} canCreate={canRunDecisions} />,
          },
          {
            key: 'groups',
            label: <span data-testid="gov-tab-groups">{t('gov.compound.tabs.groups')}</span>,
            children: <OwnerGroupsCard g={g} />,
          },
          {
            key: 'arrears',
            label: <span data-testid="gov-tab-arrears">{t('gov.compound.tabs.arrears')}</span>,
            children: <ArrearsCard compoundId={g.compoundId} canRecord={g.canRecordArrears} />,
          },
          {
            key: 'violations',
            label: <span data-testid="gov-tab-violations">{t('gov.compound.tabs.violations')}</span>,
            children: <ViolationsCard compoundId={g.compoundId} />,
          },
        ]}
      />
      {startOnRequest && (
        <FormModal<{ requestedOn: string }>
          title={t('gov.compound.startOnRequest')}
          open
          onClose={() => setStartOnRequest(false)}
          initialValues={{ requestedOn: shanghaiToday() }}
          submit={(v) => start.mutateAsync({ triggerKind: 'owners_request', requestedOn: v.requestedOn })}
        >
          <DateField name="requestedOn" label={t('gov.compound.requestedOn')} />
        </FormModal>
      )}
      {recording && <RecordCommitteeModal g={g} onClose={() => setRecording(false)} />}
    </>
  );
}

function TriggerCard({ g }: { g: GovernanceCompoundDto }) {
  const { t } = useTranslation();
  const tr = g.trigger;
  // Compound-level tasks (the developer's report when the conditions are met and no formation has started).
  const tasks = useTasks({ compound: g.compoundId, state: 'pending' });
  const own = tasks.rows.filter((x) => x.subjectType === 'compound');
  return (
    <Card size="small" title={t('gov.compound.trigger')} data-testid="trigger-card">
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('gov.compound.soldArea')}>
          {formatArea(tr.soldDeliveredArea)} m²
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.compound.totalArea')}>
          {formatArea(tr.totalArea)} m²
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.compound.areaMet')}>
          {tr.areaMet ? `${t('common.yes')}（${formatDate(tr.areaReachedOn)}）` : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.compound.buildingArea')}>
          {formatArea(g.buildingArea)} m²
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.compound.firstDelivery')}>
          {formatDate(tr.firstDeliveryOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.compound.twoYears')}>{formatDate(tr.twoYearsOn)}</Descriptions.Item>
        <Descriptions.Item label={t('gov.compound.triggerOn')}>
          <span data-testid="trigger-on">{tr.met ? formatDate(tr.on) : t('gov.triggerNotMet')}</span>
        </Descriptions.Item>
      </Descriptions>
      {own.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <TaskTable tasks={own} testId="compound-tasks" />
        </div>
      )}
    </Card>
  );
}

interface MemberValue {
  ownerId?: string;
  position: 'chair' | 'vice_chair' | 'member';
  undertakingSigned?: boolean;
  employedByManager?: boolean;
}

function RecordCommitteeModal({ g, onClose }: { g: GovernanceCompoundDto; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordCommittee(g.compoundId);
  type V = { electedOn: string; termYears: number; seats: number; members: MemberValue[] };
  const blank = (position: MemberValue['position']): MemberValue => ({ position, undertakingSigned: true });
  return (
    <FormModal<V>
      title={t('gov.compound.recordCommittee')}
      open
      onClose={onClose}
      width={860}
      testId="committee-record-modal"
      initialValues={{
        electedOn: g.formation?.firstMeetingOn ?? shanghaiToday(),
        termYears: 5,
        seats: 5,
        members: [blank('chair'), blank('vice_chair'), blank('member'), blank('member'), blank('member')],
      }}
      submit={(v) =>
        record.mutateAsync({
          electedOn: v.electedOn,
          termYears: v.termYears,
          seats: v.seats,
          members: v.members.map((m) => ({
            ownerId: m.ownerId ?? '',
            position: m.position,
            undertakingSigned: !!m.undertakingSigned,
            employedByManager: !!m.employedByManager,
          })),
        })
      }
    >
      <Space wrap>
        <DateField name="electedOn" label={t('gov.committee.electedOn')} />
        <Form.Item name="termYears" label={t('gov.committee.termYears')}>
          <InputNumber min={1} max={10} data-testid="field-termYears" />
        </Form.Item>
        <Form.Item name="seats" label={t('gov.committee.seats')} extra={t('gov.committee.sizeRule')}>
          <InputNumber min={1} max={31} data-testid="field-seats" />
        </Form.Item>
      </Space>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Space key={f.key} align="center" wrap>
                <Form.Item name={[f.name, 'ownerId']} rules={[{ required: true }]} noStyle>
                  <OwnerSelect compoundId={g.compoundId} testId={`member-owner-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'position']} noStyle>
                  <Select
                    style={{ width: 110 }}
                    options={(['chair', 'vice_chair', 'member'] as const).map((p) => ({
                      value: p,
                      label: t(`gov.committee.positions.${p}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'undertakingSigned']} valuePropName="checked" noStyle>
                  <Checkbox>{t('gov.committee.undertaking')}</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'employedByManager']} valuePropName="checked" noStyle>
                  <Checkbox>{t('gov.committee.employed')}</Checkbox>
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <EligibilityHint
                      compoundId={g.compoundId}
                      ownerId={getFieldValue(['members', f.name, 'ownerId'])}
                      employed={getFieldValue(['members', f.name, 'employedByManager'])}
                    />
                  )}
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(blank('member'))}>
              {t('gov.formation.addMember')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
