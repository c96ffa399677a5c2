import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ACTION_REQUIREMENTS, SATISFACTIONS, type CaseAction } from '../../../../domain/case-lifecycle';
import { ApiError } from '../../api/client';
import { useLang } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { CaseStatusTag } from '../cases/tags';
import { pick } from '../cases/taxonomy';
import type { TrackViewDto } from '../cases/types';
import { useReporterAction, useTrack, type TrackKey } from './api';
import { PublicLayout } from './PublicLayout';

interface Values {
  caseNo: string;
  phone: string;
}

export function TrackPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [key, setKey] = useState<TrackKey | null>(null);
  const track = useTrack(key);

  const notFound = track.error instanceof ApiError && track.error.status === 404;

  return (
    <PublicLayout>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('report.trackTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.trackIntro')}</Typography.Paragraph>
      <Card>
        <Form<Values>
          name="track"
          layout="vertical"
          size="large"
          initialValues={{ caseNo: params.get('caseNo') ?? '' }}
          onFinish={(v) => {
            const next = { caseNo: v.caseNo.trim(), phone: v.phone.trim() };
            // the same number and phone again: look again (the case may have moved on)
            if (key?.caseNo === next.caseNo && key.phone === next.phone) void track.refetch();
            else setKey(next);
          }}
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
            loading={track.isFetching}
            data-testid="track-submit"
          >
            {t('report.trackSubmit')}
          </Button>
        </Form>
      </Card>
      {track.isError && (
        <Alert
          type={notFound ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid="track-error"
          title={notFound ? t('report.trackNotFound') : t('result.error')}
          description={track.error.message}
        />
      )}
      {track.data && key && <TrackResult view={track.data} trackKey={key} />}
    </PublicLayout>
  );
}

function TrackResult({ view, trackKey }: { view: TrackViewDto; trackKey: TrackKey }) {
  const { t } = useTranslation();
  const lang = useLang();
  const events = [...view.timeline].reverse();
  return (
    <>
      <Card title={t('report.progress')} data-testid="track-result">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('report.caseNoLabel')}>
            <span className="num">{view.caseNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('report.status')}>
            <CaseStatusTag status={view.status} testId="track-status" />
          </Descriptions.Item>
          <Descriptions.Item label={t('report.category')}>{pick(view.categoryName, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('report.reportedAt')}>
            <span className="num">{formatDateTime(view.createdAt, lang)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('report.handler')}>
            {view.leadOrgName ?? t('report.handlerPending')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {view.allowedActions.length > 0 && <ReporterActions view={view} trackKey={trackKey} />}
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
