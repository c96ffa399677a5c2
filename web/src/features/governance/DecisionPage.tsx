import type { ButtonProps } from 'antd';
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLang } from '../../app/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PagedTable } from '../../shared/PagedTable';
import { QueryError } from '../../shared/QueryError';
import { formatArea, formatDate, formatDateTime } from '../../shared/format';
import {
  exportUrl,
  useDecision,
  useDecisionAction,
  useDeskBallot,
  useIssueInvitations,
  useResult,
  useRoll,
} from './api';
import { DateField, shanghaiToday } from './fields';
import { FormModal } from './FormModal';
import { MeetingNoticesCard } from './MeetingNoticesCard';
import { ResultView } from './ResultView';
import { DecisionStatusTag } from './tags';
import type { DecisionDto, InvitationsDto, RollItemDto } from './types';
import './governance.css';

const baseUrlOf = () => window.location.origin;

/** A decision: its notice and window, actions, invitation codes, the roll with desk ballots, the result. */
export function DecisionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { modal } = App.useApp();
  const { id = '' } = useParams();
  const q = useDecision(id);
  const act = useDecisionAction(id);
  const issue = useIssueInvitations(id);
  const [opening, setOpening] = useState(false);
  const [codes, setCodes] = useState<InvitationsDto | null>(null);
  const hasResult = !!q.data && ['open', 'closed', 'published'].includes(q.data.status);
  const result = useResult(id, hasResult);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const d = q.data;

  const run = (action: 'close' | 'publish' | 'cancel') =>
    modal.confirm({
      title: t(`gov.decisions.actions.${action}`),
      content: d.title,
      okText: t(`gov.decisions.actions.${action}`),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await act.mutateAsync({ action, version: d.version });
        } catch (err) {
          modal.error({
            title: t('result.error'),
            content: err instanceof Error ? err.message : String(err),
          });
        }
      },
    });
  const issueCodes = () => {
    const go = async () => setCodes(await issue.mutateAsync(undefined));
    if (d.invitationsIssued > 0) {
      modal.confirm({ title: t('gov.decisions.issue'), content: t('gov.decisions.issueConfirm'), onOk: go });
    } else void go();
  };

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="decision-title">{d.title}</span>
            <DecisionStatusTag status={d.status} />
          </Space>
        }
        extra={<Link to={`/governance/compounds/${d.compoundId}`}>{d.compoundName}</Link>}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }} className="no-print">
            {d.allowedActions.map((a) => (
              <Button
                key={a}
                type={a === 'cancel' ? 'default' : 'primary'}
                danger={a === 'cancel'}
                loading={act.isPending}
                onClick={() => (a === 'open' ? setOpening(true) : run(a))}
                data-testid={`decision-${a}`}
              >
                {t(`gov.decisions.actions.${a}`)}
              </Button>
            ))}
            {d.status === 'open' && d.canManage && (
              <Button onClick={issueCodes} loading={issue.isPending} data-testid="decision-issue">
                {t('gov.decisions.issue')}
              </Button>
            )}
            {hasResult && (
              <Button icon={<DownloadOutlined />} href={exportUrl(d.id)} data-testid="decision-export">
                {t('gov.decisions.export')}
              </Button>
            )}
          </Space>
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label={t('gov.decisions.matter')}>
              {t(`gov.matters.${d.matter}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.result.fraction')}>
              {t(`gov.decisions.rule.${d.rule}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.method')}>
              {t(`gov.decisions.methods.${d.method}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.scope')}>
              {t(`gov.decisions.scopes.${d.scope}`)}
              {d.buildings.length > 0 && `：${d.buildings.map((b) => b.name).join('、')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.opensAt')}>
              {formatDateTime(d.opensAt, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.closesAt')}>
              {formatDateTime(d.closesAt, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.noticePostedOn')}>
              {formatDate(d.noticePostedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.units')}>{d.unitCount}</Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.ballots')}>
              <span data-testid="decision-ballots">{d.ballotCount}</span>
            </Descriptions.Item>
            {d.status === 'open' && d.canManage && (
              <Descriptions.Item label={t('gov.decisions.invitations')}>
                {d.invitationsIssued}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('gov.decisions.publishDueOn')}>
              {formatDate(d.publishDueOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('gov.decisions.noticeEndsOn')}>
              {formatDate(d.noticeEndsOn)}
            </Descriptions.Item>
            {d.status === 'open' && (
              <Descriptions.Item label={t('gov.decisions.voteLink')} span={3}>
                {d.acceptingBallots ? (
                  <Tag color="processing">{t('gov.decisions.accepting')}</Tag>
                ) : (
                  <Tag>{t('gov.decisions.notAccepting')}</Tag>
                )}
                <Link to="/vote" target="_blank">
                  {baseUrlOf()}/vote
                </Link>
              </Descriptions.Item>
            )}
            {d.description && (
              <Descriptions.Item label={t('gov.decisions.description')} span={3}>
                {d.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.challengeUntil && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="decision-challenge"
              title={t('gov.decisions.challengeTitle')}
              description={
                <>
                  {d.challengeVotersUntil && (
                    <div data-testid="challenge-voters">
                      {t('gov.decisions.challengeVoters', { date: formatDate(d.challengeVotersUntil) })}
                    </div>
                  )}
                  <div data-testid="challenge-others">
                    {t('gov.decisions.challengeOthers', { date: formatDate(d.challengeUntil) })}
                  </div>
                  <Typography.Text type="secondary">{t('gov.decisions.challengeSource')}</Typography.Text>
                </>
              }
            />
          )}
        </Card>
        {(d.canManage || d.status !== 'published') && <MeetingNoticesCard decisionId={d.id} />}
        {result.data && <ResultView r={result.data} />}
        {d.status === 'open' && <RollCard d={d} />}
      </Flex>
      {opening && (
        <FormModal<{ noticePostedOn: string }>
          title={t('gov.decisions.actions.open')}
          open
          onClose={() => setOpening(false)}
          testId="decision-open-modal"
          initialValues={{ noticePostedOn: shanghaiToday() }}
          submit={(v) =>
            act.mutateAsync({ action: 'open', version: d.version, noticePostedOn: v.noticePostedOn })
          }
        >
          <DateField
            name="noticePostedOn"
            label={t('gov.decisions.noticePostedOn')}
            testId="field-noticePostedOn"
          />
          <Form.Item>
            <span>{t('gov.decisions.noticeRule')}</span>
          </Form.Item>
        </FormModal>
      )}
      {codes && (
        <Modal
          open
          width={720}
          title={t('gov.decisions.invitationsTitle')}
          onCancel={() => setCodes(null)}
          footer={
            <Space className="no-print">
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t('gov.decisions.print')}
              </Button>
              <Button type="primary" onClick={() => setCodes(null)} data-testid="codes-close">
                {t('common.close')}
              </Button>
            </Space>
          }
        >
          <div className="print-codes">
            <p>
              {codes.compoundName} · {codes.title}
            </p>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="unitId"
              dataSource={codes.items}
              data-testid="codes-table"
              columns={[
                { title: t('gov.decisions.unit'), dataIndex: 'label' },
                { title: t('gov.decisions.code'), dataIndex: 'code', className: 'num' },
              ]}
            />
          </div>
        </Modal>
      )}
    </>
  );
}

function RollCard({ d }: { d: DecisionDto }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const [voted, setVoted] = useState<string | undefined>();
  const manager = d.canManage;
  const roll = useRoll(d.id, { q, voted }, manager);
  const [recording, setRecording] = useState<RollItemDto | null>(null);
  if (!manager) return null;
  const columns: TableColumnsType<RollItemDto> = [
    { title: t('gov.decisions.unit'), dataIndex: 'label', width: 140 },
    {
      title: t('gov.decisions.owner'),
      dataIndex: 'ownerName',
      render: (n: string | null, r) => (r.developer ? t('gov.decisions.developerOwner') : (n ?? r.ownerId)),
    },
    { title: t('gov.decisions.area'), dataIndex: 'area', width: 110, align: 'right', render: formatArea },
    {
      title: t('gov.decisions.voted'),
      dataIndex: 'voted',
      width: 110,
      render: (v: boolean, r) =>
        v ? (
          <Tag color="success">{t(`gov.decisions.channels.${r.channel}`)}</Tag>
        ) : (
          <Tag>{t('gov.decisions.notVoted')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'a',
      width: 130,
      render: (_: unknown, r) =>
        d.canRecordBallots &&
        !r.voted && (
          <Button size="small" onClick={() => setRecording(r)} data-testid={`roll-record-${r.label}`}>
            {t('gov.decisions.recordBallot')}
          </Button>
        ),
    },
  ];
  return (
    <Card size="small" title={t('gov.decisions.roll')} className="no-print">
      <Space style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          onSearch={(v) => setQ(v.trim() || undefined)}
          style={{ width: 260 }}
          data-testid="roll-search"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          value={voted}
          onChange={(v: string | undefined) => setVoted(v)}
          placeholder={t('gov.decisions.voted')}
          options={[
            { value: 'yes', label: t('gov.decisions.voted') },
            { value: 'no', label: t('gov.decisions.notVoted') },
          ]}
        />
      </Space>
      <PagedTable<RollItemDto> list={roll} rowKey="unitId" columns={columns} testId="roll-table" />
      {recording && <DeskBallotModal d={d} unit={recording} onClose={() => setRecording(null)} />}
    </Card>
  );
}

function DeskBallotModal({ d, unit, onClose }: { d: DecisionDto; unit: RollItemDto; onClose: () => void }) {
  const { t } = useTranslation();
  const ballot = useDeskBallot(d.id);
  type V = {
    choice: 'yes' | 'no' | 'abstain';
    channel: 'desk' | 'proxy';
    proxyName?: string;
    proxyDocument?: string;
  };
  return (
    <FormModal<V>
      title={`${t('gov.decisions.recordBallot')} · ${unit.label}`}
      open
      onClose={onClose}
      testId="desk-ballot-modal"
      initialValues={{ channel: 'desk' }}
      submit={(v) => ballot.mutateAsync({ unitId: unit.unitId, ...v })}
    >
      <Form.Item
        name="choice"
        label={t('gov.vote.choose')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Radio.Group>
          {(['yes', 'no', 'abstain'] as const).map((c) => (
            <Radio.Button key={c} value={c} data-testid={`desk-choice-${c}`}>
              {t(`gov.choices.${c}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="channel" label={t('gov.decisions.channel')}>
        <Radio.Group>
          <Radio value="desk">{t('gov.decisions.channels.desk')}</Radio>
          <Radio value="proxy">{t('gov.decisions.channels.proxy')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue('channel') === 'proxy' && (
            <>
              <Form.Item name="proxyName" label={t('gov.decisions.proxyName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="proxyDocument"
                label={t('gov.decisions.proxyDocument')}
                rules={[{ required: true }]}
              >
                <Input />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
    </FormModal>
  );
}
