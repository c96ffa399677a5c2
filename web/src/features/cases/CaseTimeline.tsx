import type { ReactNode } from 'react';
import { Space, Tag, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useLang } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { useOrganisation } from './api';
import { durationLabel, routingText } from './format';
import { CaseStatusTag } from './tags';
import { pick } from './taxonomy';
import type { CaseEventDto, CaseViewDto } from './types';

const COLOURS: Record<string, string> = {
  returnCase: 'red',
  verifyFail: 'red',
  decline: 'gray',
  reopen: 'red',
  supervise: '#d4380d',
  autoSupervise: '#d4380d',
  close: 'green',
  verifyPass: 'green',
  revisit: 'green',
};

/** An organisation named by id in an event: known from the case view, else looked up. */
function OrgName({ id, view }: { id: string; view: CaseViewDto }) {
  const known = [view.leadOrg, view.suggestedOrg, ...view.coHandlers].find((o) => o?.id === id);
  const query = useOrganisation(known ? null : id);
  return <>{known?.name ?? query.data?.name ?? '…'}</>;
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  const lang = useLang();
  return (
    <div className="event-detail">
      <Typography.Text type="secondary">
        {label}
        {lang === 'en' ? ': ' : '：'}
      </Typography.Text>
      {children}
    </div>
  );
}

function EventDetails({ event, view }: { event: CaseEventDto; view: CaseViewDto }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const lang = useLang();
  const d = event.data;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const ids = (k: string) =>
    Array.isArray(d[k]) ? (d[k] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const out: ReactNode[] = [];
  if (event.action === 'receive' && str('channel'))
    out.push(
      <Detail key="channel" label={t('cases.channel')}>
        {t(`cases.channels.${str('channel')}`, { defaultValue: str('channel') })}
      </Detail>,
    );
  if (event.action === 'receive' && str('rule'))
    out.push(
      <Detail key="rule" label={t('cases.routing')}>
        <span data-testid="event-routing">
          {routingText(
            // The intake event keeps the row's code; the case view carries that row in words.
            str('rule') === view.routing.rule ? view.routing : { rule: str('rule'), note: null, row: null },
            t,
            lang,
          )}
        </span>
      </Detail>,
    );
  if (event.action === 'receive' && str('duplicateOf'))
    out.push(
      <Detail key="dup" label={t('cases.duplicate')}>
        {t('cases.duplicateHint')}
      </Detail>,
    );
  if (str('leadOrgId'))
    out.push(
      <Detail key="lead" label={t('cases.leadOrg')}>
        <OrgName id={str('leadOrgId')!} view={view} />
      </Detail>,
    );
  if (ids('coHandlerOrgIds').length)
    out.push(
      <Detail key="co" label={t('cases.coHandlers')}>
        {ids('coHandlerOrgIds').map((id, i) => (
          <span key={id}>
            {i > 0 && '、'}
            <OrgName id={id} view={view} />
          </span>
        ))}
      </Detail>,
    );
  if (str('returnReason'))
    out.push(
      <Detail key="reason" label={t('cases.returnReason')}>
        <Tag color="red">
          {t(`cases.returnReasons.${str('returnReason')}`, { defaultValue: str('returnReason') })}
        </Tag>
      </Detail>,
    );
  if (str('extension'))
    out.push(
      <Detail key="ext" label={t('cases.extension')}>
        {durationLabel(str('extension')!, t)}
      </Detail>,
    );
  if (str('resolveDueAt'))
    out.push(
      <Detail key="due" label={t('cases.newResolveDue')}>
        <span className="num">{formatDateTime(str('resolveDueAt'), lang)}</span>
      </Detail>,
    );
  if (typeof d.resolved === 'boolean')
    out.push(
      <Detail key="resolved" label={t('cases.resolvedLabel')}>
        {d.resolved ? t('cases.resolvedYes') : t('cases.resolvedNo')}
      </Detail>,
    );
  if (str('satisfaction'))
    out.push(
      <Detail key="sat" label={t('cases.satisfactionLabel')}>
        <Tag color={str('satisfaction') === 'dissatisfied' ? 'red' : 'green'}>
          {t(`cases.satisfaction.${str('satisfaction')}`)}
        </Tag>
      </Detail>,
    );
  if (str('verifiedBy'))
    out.push(
      <Detail key="by" label={t('cases.verifiedBy')}>
        {t(`cases.relations.${str('verifiedBy')}`, { defaultValue: str('verifiedBy') })}
      </Detail>,
    );
  if (typeof d.level === 'number')
    out.push(
      <Detail key="level" label={t('cases.supervision')}>
        {t('cases.supervisionLevel', { level: d.level })}
      </Detail>,
    );
  if (str('mergedInto'))
    out.push(
      <Detail key="merged" label={t('cases.mergeInto')}>
        <span className="num">{str('mergedInto')}</span>
      </Detail>,
    );
  if (typeof d.pausedMs === 'number')
    out.push(
      <Detail key="paused" label={t('cases.paused')}>
        {t('cases.pausedHours', { hours: (d.pausedMs / 3_600_000).toFixed(1) })}
      </Detail>,
    );
  if (str('note'))
    out.push(
      <blockquote key="note" className="event-note">
        {str('note')}
      </blockquote>,
    );
  // A joint meeting (联席会议) took the case up or decided on it: the note says so in words; open the meeting.
  if (str('coordinationMeetingId') && can('coordination.view'))
    out.push(
      <Link
        key="meeting"
        to={`/coordination/meetings/${str('coordinationMeetingId')}`}
        data-testid="event-meeting"
      >
        {t('coord.viewMeeting')}
      </Link>,
    );
  return <>{out}</>;
}

export function CaseTimeline({ view }: { view: CaseViewDto }) {
  const lang = useLang();
  const events = view.events ?? [];
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: COLOURS[e.action] ?? 'blue',
        content: (
          <div className="case-event" data-action={e.action}>
            <Space size={8} wrap>
              <Typography.Text strong>{pick(e.actionLabel, lang)}</Typography.Text>
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <Space size={4}>
                  <CaseStatusTag status={e.fromStatus} />
                  <ArrowRightOutlined aria-hidden style={{ fontSize: 11, color: '#8c8c8c' }} />
                  <CaseStatusTag status={e.toStatus} />
                </Space>
              ) : (
                !e.fromStatus && <CaseStatusTag status={e.toStatus} />
              )}
            </Space>
            <div className="event-meta">
              <span className="num">{formatDateTime(e.at, lang)}</span>
              <span>{e.actorName}</span>
              {e.actorOrgName && <span>{e.actorOrgName}</span>}
            </div>
            <EventDetails event={e} view={view} />
          </div>
        ),
      }))}
    />
  );
}
