import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Grid,
  List,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DisputeAction } from '../../../../domain/mediation';
import { useLang } from '../../app/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useDispute, useRevealParty, type DisputeDto } from './api';
import { StepModal } from './StepModal';
import { actionLabel, DisputeStatusTag, routeLabel, typeLabel } from './tags';
import './mediation.css';

const PRIMARY: readonly DisputeAction[] = ['recordSession', 'agree', 'sign', 'confirm'];

/**
 * A dispute (矛盾纠纷): what it is about, the parties (phones masked; the managers may reveal one, audited), the
 * sessions, the outcome — the agreement (printable), its judicial confirmation, a referral to arbitration or
 * court, a withdrawal — the case it came from or went back to, by number, and the steps allowed now.
 */
export function DisputePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const query = useDispute(id);
  const [acting, setActing] = useState<DisputeAction | null>(null);
  // On a phone (one column) the parties come right after the facts; on a wide screen they sit beside them.
  const wide = !!Grid.useBreakpoint().xl;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const d = query.data;
  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/mediation">{t('mediation.title')}</Link> }, { title: d.subject }]}
      />
      <PageHeader
        testId="dispute-title"
        title={
          <Space size={12} wrap>
            <span>{d.subject}</span>
            <DisputeStatusTag status={d.status} testId="dispute-status" />
          </Space>
        }
      />
      <Card size="small" className="section-card no-print" title={t('mediation.actionsTitle')}>
        {d.actions.length > 0 ? (
          <Space wrap>
            {d.actions.map((a) => (
              <Button
                key={a}
                type={PRIMARY.includes(a) ? 'primary' : 'default'}
                danger={a === 'fail'}
                onClick={() => setActing(a)}
                data-testid={`dispute-action-${a}`}
              >
                {actionLabel(a, lang)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="dispute-no-actions">
            {d.mayManage ? t('mediation.noActions') : t('mediation.viewOnly')}
          </Typography.Text>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Basics d={d} />
          {!wide && <Parties d={d} />}
          <Sessions d={d} />
          <Outcome d={d} />
        </Col>
        <Col xs={24} xl={9}>
          {wide && <Parties d={d} />}
          <Card size="small" className="section-card no-print" title={t('mediation.law')}>
            <Flex vertical gap={4}>
              {d.law.map((l) => (
                <Typography.Text key={l.cite}>
                  {l.cite}
                  {!l.verified && (
                    <Typography.Text type="secondary">（{t('mediation.unverified')}）</Typography.Text>
                  )}
                </Typography.Text>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
      {acting && <StepModal d={d} action={acting} onClose={() => setActing(null)} />}
    </>
  );
}

function Basics({ d }: { d: DisputeDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small" className="section-card no-print" title={t('mediation.basics')}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="dispute-details"
      >
        <Descriptions.Item label={t('mediation.type')}>{typeLabel(d.type, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.receivedOn')}>{formatDate(d.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.compound')}>
          {[d.compoundName, d.streetName].filter(Boolean).join(' · ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('mediation.committee')}>{d.committeeName}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.mediator')} span={d.caseNo || d.returnedCaseNo ? 1 : 2}>
          {d.mediatorName ?? t('mediation.noMediator')}
        </Descriptions.Item>
        {(d.caseNo || d.returnedCaseNo) && (
          <Descriptions.Item label={t('mediation.case')}>
            <Flex vertical gap={2} data-testid="dispute-case">
              {d.caseId && d.caseNo && (
                <Link to={`/cases/${d.caseId}`}>{t('mediation.fromCaseLink', { caseNo: d.caseNo })}</Link>
              )}
              {d.returnedCaseId && d.returnedCaseNo && (
                <Link to={`/cases/${d.returnedCaseId}`}>
                  {t('mediation.returnedLink', { caseNo: d.returnedCaseNo })}
                </Link>
              )}
            </Flex>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('mediation.facts')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.facts}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Parties({ d }: { d: DisputeDto }) {
  const { t } = useTranslation();
  const reveal = useRevealParty(d.id);
  const [shown, setShown] = useState<Record<string, string | null>>({});
  return (
    <Card size="small" className="section-card no-print" title={t('mediation.partiesTitle')}>
      <List
        size="small"
        dataSource={d.parties}
        data-testid="dispute-parties"
        renderItem={(p) => (
          <List.Item>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
              <Space size={6} wrap>
                <Tag color={p.side === 'applicant' ? 'blue' : 'orange'}>{t(`mediation.${p.side}`)}</Tag>
                <Typography.Text strong>{p.name}</Typography.Text>
                {p.phone && (
                  <span className="num" data-testid="party-phone">
                    {p.id in shown ? shown[p.id] : p.phone}
                  </span>
                )}
                {p.id in shown && (
                  <Typography.Text type="secondary">{t('mediation.revealed')}</Typography.Text>
                )}
              </Space>
              {d.mayManage && p.phone && !(p.id in shown) && (
                <Button
                  size="small"
                  loading={reveal.isPending && reveal.variables === p.id}
                  onClick={() =>
                    void reveal.mutateAsync(p.id).then((r) => setShown((s) => ({ ...s, [p.id]: r.phone })))
                  }
                  data-testid="party-reveal"
                >
                  {t('mediation.reveal')}
                </Button>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Sessions({ d }: { d: DisputeDto }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="section-card no-print"
      title={t('mediation.sessions')}
      data-testid="dispute-sessions"
    >
      {d.sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.noSessions')} />
      ) : (
        <List
          size="small"
          dataSource={[...d.sessions].reverse()}
          renderItem={(s) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {formatDate(s.heldOn)}
                  {s.place && ` · ${s.place}`}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('mediation.by')}：{s.by}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Outcome({ d }: { d: DisputeDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const a = d.agreement;
  const closed = d.status === 'withdrawn' || d.status === 'returned';
  return (
    <Card
      size="small"
      className="section-card"
      title={t('mediation.outcome')}
      data-testid="dispute-outcome"
      extra={
        a && (
          <Button icon={<PrinterOutlined />} size="small" className="no-print" onClick={() => window.print()}>
            {t('mediation.print')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {a && (
          <div className="print-only">
            <Typography.Title level={3} style={{ textAlign: 'center' }}>
              {t('mediation.printHeading')}
            </Typography.Title>
            <Typography.Paragraph>
              {d.committeeName} · {t('mediation.mediator')}：{d.mediatorName ?? ''}
            </Typography.Paragraph>
            {d.parties.map((p) => (
              <Typography.Paragraph key={p.id}>
                {t(`mediation.${p.side}`)}：{p.name}
              </Typography.Paragraph>
            ))}
          </div>
        )}
        {!a && !d.referral && !closed && (
          <Typography.Text type="secondary">{t('mediation.noOutcome')}</Typography.Text>
        )}
        {a && (
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('mediation.agreement')}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            data-testid="dispute-agreement"
          >
            <Descriptions.Item label={t('mediation.agreedOn')}>{formatDate(a.agreedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.agreementFacts')}>{a.facts}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.terms')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{a.terms}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.performanceMethod')}>
              {a.performanceMethod}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.performanceDeadline')}>
              {formatDate(a.performanceDeadline)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.effectiveOn')}>
              {a.effectiveOn ? formatDate(a.effectiveOn) : t('mediation.notSigned')}
            </Descriptions.Item>
          </Descriptions>
        )}
        {a?.confirmationWindowEnd && d.status === 'effective' && (
          <Typography.Text data-testid="dispute-confirm-window">
            {t('mediation.confirmWindow', { date: formatDate(a.confirmationWindowEnd) })}
          </Typography.Text>
        )}
        {d.confirmation && (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            title={t('mediation.confirmation')}
            data-testid="dispute-confirmation"
          >
            <Descriptions.Item label={t('mediation.court')}>{d.confirmation.court}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.rulingNo')}>{d.confirmation.rulingNo}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.appliedOn')}>
              {formatDate(d.confirmation.appliedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.ruledOn')}>
              {formatDate(d.confirmation.ruledOn)}
            </Descriptions.Item>
          </Descriptions>
        )}
        {d.referral && (
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('mediation.referral')}
            data-testid="dispute-referral"
          >
            <Descriptions.Item label={t('mediation.referralRoute')}>
              {routeLabel(d.referral.route, lang)} · {d.referral.body}
            </Descriptions.Item>
            <Descriptions.Item label={t('mediation.closedOn')}>{formatDate(d.referral.on)}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.closeNote')}>{d.referral.note}</Descriptions.Item>
          </Descriptions>
        )}
        {closed && (
          <Descriptions size="small" bordered column={1} data-testid="dispute-closed">
            <Descriptions.Item label={t('mediation.closedOn')}>{formatDate(d.closedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('mediation.closeNote')}>{d.closeNote}</Descriptions.Item>
          </Descriptions>
        )}
        {a && (
          <div className="print-only" style={{ marginTop: 32 }}>
            {d.parties.map((p) => (
              <Typography.Paragraph key={p.id}>
                {t('mediation.printSignParty', { name: p.name })}
              </Typography.Paragraph>
            ))}
            <Typography.Paragraph>{t('mediation.printSignMediator')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('mediation.printSeal', { committee: d.committeeName })}
            </Typography.Paragraph>
          </div>
        )}
      </Flex>
    </Card>
  );
}
