import { useState } from 'react';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  List,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FILING_CITATION } from '../../../../domain/industry';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import {
  useCompany,
  useContracts,
  useManager,
  type CompanyReportDto,
  type ContractDto,
  type RecordSummaryDto,
} from './api';
import { shanghaiToday } from '../governance/fields';
import { EnterRecordModal } from './EnterRecordModal';
import { FilingModal } from './FilingModal';
import { RecordModal } from './RecordModal';
import { FilingTag, Points, RecordStatus, StandingTag } from './tags';

/**
 * A property-service company (物业服务企业): its facts (统一社会信用代码, address, legal representative, head company
 * and branches, past 资质 grades as dated facts), project managers with their postings, the service contracts of
 * the compounds it serves with their filing state (第四十四条), and its credit records with their steps.
 */
export function CompanyPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const query = useCompany(id);
  const contractsQuery = useContracts();
  const [entering, setEntering] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const c = query.data;
  const names = new Set([c.name, ...c.branches.map((b) => b.name)]);
  const contracts = (contractsQuery.data?.items ?? [])
    .filter((k) => names.has(k.companyName))
    .sort((a, b) => urgency(a) - urgency(b) || a.compoundName.localeCompare(b.compoundName, 'zh'));
  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/industry">{t('industry.title')}</Link> }, { title: c.name }]}
      />
      <PageHeader
        testId="company-title"
        title={
          <Space size={12} wrap>
            <span>{c.name}</span>
            <StandingTag standing={c.standing} testId="company-standing" />
          </Space>
        }
        extra={
          can('industry.record') && (
            <Button icon={<PlusOutlined />} onClick={() => setEntering(true)} data-testid="enter-record-open">
              {t('industry.enterRecord')}
            </Button>
          )
        }
      />
      <Profile c={c} />
      <Records c={c} />
      <Contracts contracts={contracts} loading={contractsQuery.isPending} />
      <Managers c={c} />
      {entering && <EnterRecordModal company={c} contracts={contracts} onClose={() => setEntering(false)} />}
    </>
  );
}

const FILING_ORDER: ContractDto['filing']['state'][] = ['overdue', 'due', 'unsigned', 'filed_late', 'filed'];

/** What needs the district first: unfiled past the deadline, then due, then expiring soon. */
const urgency = (c: ContractDto) => FILING_ORDER.indexOf(c.filing.state) * 2 + (c.expiresSoon ? 0 : 1);

function Profile({ c }: { c: CompanyReportDto }) {
  const { t } = useTranslation();
  const p = c.profile;
  // On a phone the labels sit above their values: a label column would leave the values a third of the width.
  const wide = !!Grid.useBreakpoint().md;
  return (
    <Card size="small" className="section-card" title={t('industry.profile')}>
      {!p && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('industry.noProfile')}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        layout={wide ? 'horizontal' : 'vertical'}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="company-profile"
      >
        {p && (
          <>
            <Descriptions.Item label={t('industry.creditCode')}>
              <span className="num">{p.creditCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.legalRepresentative')}>
              {p.legalRepresentative}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.registeredAddress')}>
              {p.registeredAddress}
            </Descriptions.Item>
            <Descriptions.Item label={t('industry.staffCount')}>
              {p.staffCount === null ? '—' : t('industry.staffValue', { n: p.staffCount })}
            </Descriptions.Item>
          </>
        )}
        {c.headCompanyName && (
          <Descriptions.Item label={t('industry.headCompany')}>{c.headCompanyName}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('industry.branchList')} span={2}>
          {c.branches.length ? <BranchList branches={c.branches} /> : t('industry.noBranches')}
        </Descriptions.Item>
        <Descriptions.Item label={t('industry.qualifications')} span={2}>
          <Flex vertical gap={4} data-testid="company-qualifications">
            {c.qualifications.length === 0 && '—'}
            {c.qualifications.map((q) => (
              <span key={q.grantedOn + q.grade}>
                {t(q.endedOn ? 'industry.qualificationItem' : 'industry.qualificationOpen', {
                  grade: q.grade,
                  from: formatDate(q.grantedOn),
                  to: formatDate(q.endedOn),
                })}
                {q.certificateNo && `（${q.certificateNo}）`} <Tag>{t('industry.historical')}</Tag>
              </span>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.qualificationNote}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('industry.standingNote')} span={2}>
          <Typography.Text type="secondary">{c.standingNote}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Branches (分公司) and project offices (项目部), one line per kind. */
function BranchList({ branches }: { branches: CompanyReportDto['branches'] }) {
  const { t } = useTranslation();
  const kinds = [...new Set(branches.map((b) => b.type))];
  return (
    <Flex vertical gap={2} data-testid="company-branches">
      {kinds.map((k) => (
        <span key={k}>
          <Typography.Text type="secondary">{t(`organisations.types.${k}`, k)}：</Typography.Text>
          {branches
            .filter((b) => b.type === k)
            .map((b) => b.name)
            .join('、')}
        </span>
      ))}
    </Flex>
  );
}

function Records({ c }: { c: CompanyReportDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const columns: TableColumnsType<RecordSummaryDto> = [
    {
      title: t('industry.recordWhat'),
      dataIndex: 'rule',
      width: 260,
      render: (rule: string, r) => (
        <Flex vertical gap={0}>
          <Typography.Link onClick={() => setOpen(r.id)} data-testid="record-open">
            {rule}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              r.managerName ? t('industry.subjectManager', { name: r.managerName }) : r.companyName,
              r.compoundName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('industry.recordStatus'),
      dataIndex: 'status',
      width: 220,
      render: (_: string, r) => <RecordStatus r={r} />,
    },
    {
      title: t('industry.points'),
      dataIndex: 'points',
      width: 170,
      render: (_: number, r) => (
        <span>
          <Tag color={r.kind === 'bad' ? 'red' : 'green'}>{t(`industry.recordKind.${r.kind}`)}</Tag>
          <Points points={r.points} verified={r.ruleVerified} block />
        </span>
      ),
    },
    {
      title: t('industry.occurredOn'),
      dataIndex: 'occurredOn',
      width: 110,
      render: (v: string) => <span className="num">{formatDate(v)}</span>,
    },
  ];
  return (
    <Card size="small" className="section-card" title={t('industry.records')}>
      <Table<RecordSummaryDto>
        size="small"
        bordered
        rowKey="id"
        data-testid="company-records"
        dataSource={c.records}
        columns={columns}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('industry.noRecords') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), className: 'clickable-row' })}
      />
      {open && <RecordModal id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function Contracts({ contracts, loading }: { contracts: ContractDto[]; loading: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filing, setFiling] = useState<ContractDto | null>(null);
  const mayFile = can('industry.manage');
  const today = shanghaiToday();
  const columns: TableColumnsType<ContractDto> = [
    { title: t('industry.compound'), dataIndex: 'compoundName', width: 160 },
    {
      title: t('industry.filing'),
      dataIndex: 'filing',
      width: 230,
      render: (_: unknown, r) => (
        <Flex vertical gap={4} align="start">
          <FilingTag c={r} />
          {mayFile && (r.filing.state === 'due' || r.filing.state === 'overdue') && (
            <Button size="small" onClick={() => setFiling(r)} data-testid="contract-file">
              {t('industry.recordFiling')}
            </Button>
          )}
        </Flex>
      ),
    },
    {
      title: t('industry.contractKind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: ContractDto['kind'], r) => (
        <Flex vertical gap={0}>
          <span>{t(`industry.kinds.${k}`)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.serviceLevel}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('industry.term'),
      dataIndex: 'startsOn',
      width: 200,
      render: (_: string, r) => (
        <Flex vertical gap={2}>
          <span className="num">
            {t(r.endsOn ? 'industry.termRange' : 'industry.termOpen', {
              from: formatDate(r.startsOn),
              to: formatDate(r.endsOn),
            })}
          </span>
          {r.expiresSoon && (
            <Tag color="orange" data-testid="contract-expiring">
              {t('industry.expiresSoon', { date: formatDate(r.endsOn) })}
            </Tag>
          )}
          {r.endsOn && r.endsOn < today && (
            <Tag color="default" data-testid="contract-ended">
              {t('industry.ended', { date: formatDate(r.endsOn) })}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('industry.fee'),
      dataIndex: 'fee',
      width: 150,
      render: (fee: string | null) => (fee ? t('industry.feeValue', { fee }) : t('industry.feeNone')),
    },
    {
      title: t('industry.signedOn'),
      dataIndex: 'signedOn',
      width: 110,
      render: (v: string | null) => <span className="num">{formatDate(v)}</span>,
    },
  ];
  return (
    <Card size="small" className="section-card" title={t('industry.contracts')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('industry.filingRule', { cite: FILING_CITATION })}
      </Typography.Paragraph>
      <ContractAlerts contracts={contracts} />
      <Table<ContractDto>
        size="small"
        bordered
        rowKey="id"
        data-testid="company-contracts"
        loading={loading}
        dataSource={contracts}
        columns={columns}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('industry.noContracts') }}
      />
      {filing && <FilingModal c={filing} onClose={() => setFiling(null)} />}
    </Card>
  );
}

/** What needs attention among the contracts, in words: unfiled past the deadline, due for filing, expiring. */
function ContractAlerts({ contracts }: { contracts: ContractDto[] }) {
  const { t } = useTranslation();
  const overdue = contracts.filter((c) => c.filing.state === 'overdue').length;
  const due = contracts.filter((c) => c.filing.state === 'due').length;
  const expiring = contracts.filter((c) => c.expiresSoon).length;
  if (!overdue && !due && !expiring) return null;
  return (
    <Alert
      type={overdue ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="contract-alerts"
      title={[
        overdue && t('industry.alertOverdue', { n: overdue }),
        due && t('industry.alertDue', { n: due }),
        expiring && t('industry.alertExpiring', { n: expiring }),
      ]
        .filter(Boolean)
        .join('；')}
    />
  );
}

function Managers({ c }: { c: CompanyReportDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="section-card" title={t('industry.managers')}>
      {c.managers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('industry.noManagers')} />
      ) : (
        <List
          size="small"
          dataSource={c.managers}
          data-testid="company-managers"
          renderItem={(m) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Space size={8} wrap>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('industry.certificate')}：{m.certificateNo}
                  </Typography.Text>
                  {m.phone && <span className="num">{m.phone}</span>}
                </Space>
                <Typography.Text>
                  {t('industry.postedAt')}：{m.currentCompounds.join('、') || t('industry.notPosted')}
                </Typography.Text>
                <Postings id={m.id} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** A manager's postings (任职经历), oldest first, from the manager's report. */
function Postings({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useManager(id);
  if (!q.data || q.data.postings.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="manager-postings">
      {t('industry.postings')}：
      {q.data.postings
        .map(
          (p) =>
            `${p.compoundName} ${t(p.toOn ? 'industry.postingRange' : 'industry.postingOpen', {
              from: formatDate(p.fromOn),
              to: formatDate(p.toOn),
            })}`,
        )
        .join('；')}
    </Typography.Text>
  );
}
