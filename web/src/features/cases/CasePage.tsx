import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Image,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CASE_ACTION_LABELS, type CaseAction } from '../../../../domain/case-lifecycle';
import { useAuth } from '../../app/auth';
import { useLang } from '../../app/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDateTime, formatDeadline } from '../../shared/format';
import { OrgTypeTag } from '../../shared/tags';
import { ToMediationButton } from '../mediation/ToMediationButton';
import { ActionModal } from './ActionModal';
import { useCase, useCompoundLocation } from './api';
import { CaseLocation } from './CaseLocation';
import { CaseTimeline } from './CaseTimeline';
import { routingText } from './format';
import { CaseStatusTag, DueStateTag, SupervisionTag, UrgencyTag } from './tags';
import { attributeLabel, attributeValueLabel, pick } from './taxonomy';
import type { CaseViewDto } from './types';
import './cases.css';

const PRIMARY: ReadonlySet<CaseAction> = new Set([
  'accept',
  'dispatch',
  'signFor',
  'arriveOnSite',
  'reportBack',
  'approveExtension',
  'verifyPass',
  'close',
  'revisit',
  'reopen',
  'resume',
]);
const DANGER: ReadonlySet<CaseAction> = new Set(['decline', 'returnCase', 'verifyFail', 'refuseExtension']);

function Org({ org }: { org: { name: string; type: string } | null }) {
  const { t } = useTranslation();
  if (!org) return <Typography.Text type="secondary">{t('cases.notDispatched')}</Typography.Text>;
  return (
    <Space size={6} wrap>
      <span>{org.name}</span>
      <OrgTypeTag type={org.type} />
    </Space>
  );
}

function ActionBar({ view, onAct }: { view: CaseViewDto; onAct: (a: CaseAction) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!view.allowedActions.length)
    return <Typography.Text type="secondary">{t('cases.noActions')}</Typography.Text>;
  return (
    <Space wrap data-testid="case-actions">
      {view.allowedActions.map((a) => (
        <Button
          key={a}
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          onClick={() => onAct(a)}
          data-testid={`case-action-${a}`}
        >
          {pick(CASE_ACTION_LABELS[a], lang)}
        </Button>
      ))}
    </Space>
  );
}

function Deadline({ at, next, dueState }: { at: string | null; next: string | null; dueState: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  if (!at) return <>{t('common.none')}</>;
  return (
    <Space size={4}>
      <span title={formatDateTime(at, lang)}>{formatDeadline(at, lang)}</span>
      {at === next && <DueStateTag state={dueState} at={at} />}
    </Space>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { can } = useAuth();
  const query = useCase(id);
  const compound = useCompoundLocation(query.data?.compound?.id);
  const [acting, setActing] = useState<CaseAction | null>(null);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;

  const attributes = Object.entries(view.attributes);
  // 楼栋 and 房屋 when the report named them (e.g. "3号楼 1202").
  const spot = [view.building?.name, view.unit?.number].filter(Boolean).join(' ');
  const place = [view.compound?.name, spot, view.streetName, view.address].filter(Boolean);
  const c = compound.data;

  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to="/cases">{t('cases.queueTitle')}</Link> }, { title: view.caseNo }]}
      />
      <PageHeader
        testId="case-title"
        title={
          <Space size={12} wrap>
            <span className="num">{view.caseNo}</span>
            <span>{view.title}</span>
            <span className="case-header-tags">
              <CaseStatusTag status={view.status} testId="case-status" />
              <DueStateTag state={view.dueState} />
              <UrgencyTag urgency={view.urgency} />
              <SupervisionTag level={view.supervisionLevel} />
              {view.extensionPending && <Tag color="gold">{t('cases.extensionPending')}</Tag>}
              {view.duplicateOf && (
                <Link to={`/cases/${view.duplicateOf.id}`} data-testid="case-duplicate-of">
                  <Tag color="purple">
                    {t('cases.possibleDuplicate', { caseNo: view.duplicateOf.caseNo })}
                  </Tag>
                </Link>
              )}
              {view.reopenCount > 0 && (
                <Tag color="red">{t('cases.reopened', { count: view.reopenCount })}</Tag>
              )}
            </span>
          </Space>
        }
        extra={
          <Space wrap>
            <ToMediationButton view={view} />
            <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => void query.refetch()}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <Card size="small" className="section-card case-action-bar" title={t('cases.actions')}>
        <ActionBar view={view} onAct={setActing} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('cases.basics')} className="section-card">
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              data-testid="case-details"
            >
              <Descriptions.Item label={t('cases.category')}>
                <Space size={4}>
                  {pick(view.categoryName, lang)}
                  <UrgencyTag urgency={view.urgency} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.attributes')}>
                {attributes.length
                  ? attributes.map(([k, v]) => (
                      <Tag key={k}>
                        {attributeLabel(k, lang)}
                        {lang === 'en' ? ': ' : '：'}
                        {attributeValueLabel(k, v, lang)}
                      </Tag>
                    ))
                  : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.description')} span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {view.description}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.location')} span={2}>
                {view.compound && can('registry.read') ? (
                  <Space size={6} wrap data-testid="case-place">
                    <Link to={`/compounds/${view.compound.id}`}>{view.compound.name}</Link>
                    <span>{[spot, view.streetName, view.address].filter(Boolean).join(' · ')}</span>
                  </Space>
                ) : (
                  <span data-testid="case-place">{place.join(' · ') || t('common.none')}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.reporter')}>
                {[view.reporterName, view.reporterPhone].filter(Boolean).join(' ') || t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.channel')}>
                <Space size={4}>
                  {t(`cases.channels.${view.channel}`, { defaultValue: view.channel })}
                  <Tag color={view.proactive ? 'green' : 'default'}>
                    {view.proactive ? t('cases.proactive') : t('cases.reactive')}
                  </Tag>
                </Space>
              </Descriptions.Item>
              {view.sourceUrl && (
                <Descriptions.Item label={t('cases.intake.sourceUrl')}>
                  <a
                    href={view.sourceUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    style={{ wordBreak: 'break-all' }}
                    data-testid="case-source-url"
                  >
                    {view.sourceUrl}
                  </a>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('cases.suggestedOrg')}>
                <Org org={view.suggestedOrg} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.routing')}>
                <span data-testid="case-routing">{routingText(view.routing, t, lang)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.leadOrg')}>
                <span data-testid="case-lead-org">
                  <Org org={view.leadOrg} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.coHandlers')}>
                {view.coHandlers.length ? (
                  <Space size={4} wrap>
                    {view.coHandlers.map((o) => (
                      <Tag key={o.id}>{o.name}</Tag>
                    ))}
                  </Space>
                ) : (
                  t('common.none')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.createdAt')}>
                <span className="num">{formatDateTime(view.createdAt, lang)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.closedAt')}>
                <span className="num">{formatDateTime(view.closedAt, lang)}</span>
              </Descriptions.Item>
              {view.satisfaction && (
                <Descriptions.Item label={t('cases.satisfactionLabel')}>
                  {t(`cases.satisfaction.${view.satisfaction}`)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('cases.deadlines')} className="section-card">
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              data-testid="case-deadlines"
            >
              {(['accept', 'sign', 'arrive', 'resolve', 'feedback', 'report'] as const)
                // The duties the law names show where the case carries them.
                .filter((stage) => (stage !== 'feedback' && stage !== 'report') || !!view.deadlines[stage])
                .map((stage) => {
                  const basis = view.deadlineBasis.find((b) => b.stage === stage);
                  const done = stage === 'feedback' || stage === 'report' ? view.dutiesDone[stage] : null;
                  return (
                    <Descriptions.Item key={stage} label={t(`cases.stages.${stage}`)}>
                      <Deadline
                        at={view.deadlines[stage]}
                        next={view.deadlines.next}
                        dueState={view.dueState}
                      />
                      {done && (
                        <div data-testid={`case-duty-done-${stage}`}>
                          {t('cases.dutyDone', { at: formatDateTime(done, lang) })}
                        </div>
                      )}
                      {basis && (
                        <Typography.Text
                          type="secondary"
                          style={{ display: 'block', fontSize: 12 }}
                          data-testid={`case-deadline-basis-${stage}`}
                        >
                          {t(basis.law ? 'cases.basisLaw' : 'cases.basisOther', { basis: pick(basis, lang) })}
                        </Typography.Text>
                      )}
                    </Descriptions.Item>
                  );
                })}
            </Descriptions>
          </Card>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Card size="small" title={t('cases.map.title')} className="section-card">
                <CaseLocation
                  pin={view.lat !== null && view.lng !== null ? { lat: view.lat, lng: view.lng } : null}
                  compound={
                    c && c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng, name: c.name } : null
                  }
                />
              </Card>
            </Col>
            <Col xs={24} md={10}>
              <Card
                size="small"
                title={t('cases.photos.title', { count: view.photos.length })}
                className="section-card"
              >
                {view.photos.length ? (
                  <Image.PreviewGroup>
                    <Flex wrap gap={8} data-testid="case-photos">
                      {view.photos.map((p, i) => (
                        <Image
                          key={p.id}
                          src={p.url}
                          width={96}
                          height={96}
                          style={{ objectFit: 'cover', borderRadius: 4 }}
                          alt={t('cases.photos.nth', { n: i + 1 })}
                        />
                      ))}
                    </Flex>
                  </Image.PreviewGroup>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.photos.none')} />
                )}
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('cases.timeline')} className="section-card case-timeline-card">
            <CaseTimeline view={view} />
          </Card>
        </Col>
      </Row>
      <ActionModal view={view} action={acting} onClose={() => setActing(null)} />
    </>
  );
}
