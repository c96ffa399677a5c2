import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Image,
  Input,
  List,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ACTION_REQUIREMENTS, SATISFACTIONS, type CaseAction } from '../../../../domain/case-lifecycle';
import { ApiError } from '../../api/client';
import { useLang } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { pick } from '../cases/taxonomy';
import type { TrackViewDto } from '../cases/types';
import { useReporterAction, useTrack, type TrackKey } from './api';
import { PublicLayout } from './PublicLayout';
import { useRememberedCases } from './remembered';
import { PUBLIC_STEP_COLOURS } from '../../shared/publicSteps';

interface Values {
  caseNo: string;
  phone: string;
}

export function TrackPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const linkToken = params.get('t');
  const [key, setKey] = useState<TrackKey | null>(linkToken ? { token: linkToken } : null);
  const track = useTrack(key);
  const remembered = useRememberedCases();

  // A signed link opened (or a remembered case chosen): look it up without number and phone.
  useEffect(() => {
    if (linkToken) setKey({ token: linkToken });
  }, [linkToken]);

  const status = track.error instanceof ApiError ? track.error.status : null;
  const notFound = status === 404 || status === 410;
  const open = (token: string) => setParams({ t: token });

  return (
    <PublicLayout>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('report.trackTitle')}
      </Typography.Title>
      {remembered.list.length > 0 && !linkToken && (
        <Card title={t('report.rememberedTitle')} data-testid="track-remembered">
          <List
            dataSource={remembered.list}
            renderItem={(r) => (
              <List.Item
                key={r.caseNo}
                actions={[
                  <Button key="open" type="primary" onClick={() => open(r.token)}>
                    {t('report.open')}
                  </Button>,
                  <Button key="forget" onClick={() => remembered.forget(r.caseNo)}>
                    {t('report.forget')}
                  </Button>,
                ]}
              >
                <span className="num">{r.caseNo}</span>
              </List.Item>
            )}
          />
        </Card>
      )}
      {!linkToken && (
        <>
          <Typography.Paragraph type="secondary">{t('report.trackIntro')}</Typography.Paragraph>
          <TrackForm
            initialCaseNo={params.get('caseNo') ?? ''}
            loading={track.isFetching}
            onLookUp={(next) => {
              // the same number and phone again: look again (the case may have moved on)
              if (key && 'caseNo' in key && key.caseNo === next.caseNo && key.phone === next.phone)
                void track.refetch();
              else setKey(next);
            }}
          />
        </>
      )}
      {track.isError && (
        <Alert
          type={notFound ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid="track-error"
          title={
            notFound && status === 404 && !linkToken ? t('report.trackNotFound') : t('report.trackFailed')
          }
          description={track.error.message}
          action={
            linkToken ? (
              <Button onClick={() => setParams({})} data-testid="track-by-number">
                {t('report.byNumber')}
              </Button>
            ) : undefined
          }
        />
      )}
      {track.data && key && <TrackResult view={track.data} trackKey={key} />}
      {linkToken && track.data && (
        <Button type="link" onClick={() => setParams({})} className="report-switch">
          {t('report.anotherCase')}
        </Button>
      )}
    </PublicLayout>
  );
}

function TrackForm({
  initialCaseNo,
  loading,
  onLookUp,
}: {
  initialCaseNo: string;
  loading: boolean;
  onLookUp: (k: { caseNo: string; phone: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card>
      <Form<Values>
        name="track"
        layout="vertical"
        size="large"
        initialValues={{ caseNo: initialCaseNo }}
        onFinish={(v) => onLookUp({ caseNo: v.caseNo.trim(), phone: v.phone.trim() })}
      >
        <Form.Item
          name="caseNo"
          label={t('report.caseNoLabel')}
          rules={[{ required: true, whitespace: true, message: t('report.required.caseNo') }]}
        >
          <Input inputMode="numeric" autoComplete="off" className="num" data-testid="track-case-no" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('report.phone')}
          extra={t('report.trackPhoneHint')}
          rules={[
            { required: true, message: t('report.required.phone') },
            { pattern: /^[0-9+\-() ]{5,20}$/, message: t('report.phoneRule') },
          ]}
        >
          <Input type="tel" inputMode="tel" autoComplete="tel" data-testid="track-phone" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={loading}
          data-testid="track-submit"
        >
          {t('report.trackSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

function TrackResult({ view, trackKey }: { view: TrackViewDto; trackKey: TrackKey }) {
  const { t } = useTranslation();
  const lang = useLang();
  const remembered = useRememberedCases();
  const events = [...view.timeline].reverse();
  const isRemembered = remembered.list.some((r) => r.caseNo === view.caseNo);
  const entry = { caseNo: view.caseNo, token: view.link.token, expiresAt: view.link.expiresAt };
  const { refresh } = remembered;
  useEffect(
    () => refresh({ caseNo: view.caseNo, token: view.link.token, expiresAt: view.link.expiresAt }),
    [refresh, view.caseNo, view.link.token, view.link.expiresAt],
  );
  const asking = view.allowedActions.length > 0;
  return (
    <>
      <Card title={t('report.progress')} data-testid="track-result">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('report.caseNoLabel')}>
            <span className="num">{view.caseNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('report.status')}>
            <Tag color={PUBLIC_STEP_COLOURS[view.step]} data-testid="track-status" data-status={view.status}>
              {pick(view.statusLabel, lang)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('report.category')}>{pick(view.categoryName, lang)}</Descriptions.Item>
          {view.place && <Descriptions.Item label={t('report.where')}>{view.place}</Descriptions.Item>}
          <Descriptions.Item label={t('report.reportedAt')}>
            <span className="num">{formatDateTime(view.createdAt, lang)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('report.handler')}>
            {view.leadOrgName ?? t('report.handlerPending')}
          </Descriptions.Item>
        </Descriptions>
        <div className="track-remember">
          {isRemembered ? (
            <Space wrap>
              <Typography.Text type="secondary">{t('report.remembered')}</Typography.Text>
              <Button size="small" onClick={() => remembered.forget(view.caseNo)} data-testid="track-forget">
                {t('report.forget')}
              </Button>
            </Space>
          ) : (
            <Button onClick={() => remembered.remember(entry)} data-testid="track-remember" block>
              {t('report.remember')}
            </Button>
          )}
        </div>
      </Card>
      {view.result && <ResultCard result={view.result} />}
      {asking && <ReporterActions view={view} trackKey={trackKey} />}
      <Card title={t('report.timeline')}>
        <Timeline
          data-testid="track-timeline"
          items={events.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: i === 0 ? 'blue' : 'gray',
            content: (
              <div>
                <Typography.Text strong>{pick(e.label, lang)}</Typography.Text>
                <div className="muted-code">{formatDateTime(e.at, lang)}</div>
              </div>
            ),
          }))}
        />
      </Card>
    </>
  );
}

/** What the handler reported: its note and evidence photos, shown before the resident is asked. */
function ResultCard({ result }: { result: NonNullable<TrackViewDto['result']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card title={t('report.resultTitle')} data-testid="track-handler-result">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary" className="num">
          {t('report.resultAt', { at: formatDateTime(result.at, lang) })}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="track-result-note">
          {result.note ?? t('report.resultNoNote')}
        </Typography.Paragraph>
        {result.photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap data-testid="track-result-photos">
              {result.photos.map((p, i) => (
                <Image
                  key={p.url}
                  src={p.url}
                  width={104}
                  height={104}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  alt={t('report.resultPhoto', { n: i + 1 })}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Space>
    </Card>
  );
}

/** Once the handler has reported back the reporter checks the result; once closed, rates it. */
function ReporterActions({ view, trackKey }: { view: TrackViewDto; trackKey: TrackKey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useReporterAction(trackKey);
  const [note, setNote] = useState('');
  const [satisfaction, setSatisfaction] = useState<string | undefined>(undefined);
  const can = (a: CaseAction) => view.allowedActions.includes(a);
  // What verifying and rating ask for: the same table the server checks (domain/case-lifecycle.ts).
  const failNeedsNote = ACTION_REQUIREMENTS.verifyFail.note === 'required';
  const rateNeedsSatisfaction = ACTION_REQUIREMENTS.revisit.satisfaction === 'required';

  const send = (action: 'verifyPass' | 'verifyFail' | 'revisit') =>
    act.mutate(
      {
        action,
        version: view.version,
        note: note.trim() || undefined,
        satisfaction: action === 'revisit' ? (satisfaction as (typeof SATISFACTIONS)[number]) : undefined,
      },
      {
        onSuccess: () => {
          setNote('');
          void message.success(t('report.thanks'));
        },
      },
    );

  return (
    <Card title={can('revisit') ? t('report.rateTitle') : t('report.verifyTitle')} className="track-actions">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {can('revisit') ? t('report.rateIntro') : t('report.verifyIntro')}
        </Typography.Text>
        {can('verifyFail') && failNeedsNote && (
          <Typography.Text type="secondary">{t('report.verifyFailNeedsNote')}</Typography.Text>
        )}
        {can('revisit') && (
          <Radio.Group
            aria-label={t('cases.satisfactionLabel')}
            data-testid="track-satisfaction"
            optionType="button"
            buttonStyle="solid"
            size="large"
            value={satisfaction}
            onChange={(e) => setSatisfaction(e.target.value as string)}
            options={SATISFACTIONS.map((s) => ({ value: s, label: t(`cases.satisfaction.${s}`) }))}
          />
        )}
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('report.notePlaceholder')}
          aria-label={t('report.note')}
          data-testid="track-note"
        />
        {act.isError && <Alert type="error" showIcon title={act.error.message} />}
        {can('verifyPass') && (
          <Button
            type="primary"
            size="large"
            block
            loading={act.isPending}
            onClick={() => send('verifyPass')}
            data-testid="track-action-verifyPass"
          >
            {t('report.verifyPass')}
          </Button>
        )}
        {can('verifyFail') && (
          <Button
            danger
            size="large"
            block
            disabled={failNeedsNote && !note.trim()}
            title={failNeedsNote && !note.trim() ? t('report.verifyFailNeedsNote') : undefined}
            loading={act.isPending}
            onClick={() => send('verifyFail')}
            data-testid="track-action-verifyFail"
          >
            {t('report.verifyFail')}
          </Button>
        )}
        {can('revisit') && (
          <Button
            type="primary"
            size="large"
            block
            disabled={rateNeedsSatisfaction && !satisfaction}
            loading={act.isPending}
            onClick={() => send('revisit')}
            data-testid="track-action-revisit"
          >
            {t('report.rateSubmit')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
