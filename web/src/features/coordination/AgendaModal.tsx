// Forms of a body's meetings: plan a meeting; add an agenda item — a hot case (热点、难点), a request from the level
// below, or another topic — to a planned meeting. Each sends the meeting's version (409 when it changed).
import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { formatDate } from '../../shared/format';
import { api } from '../../api/client';
import { useAddAgendaItem, useCreateMeeting, useHotCases, type BodyDto, type MeetingDto } from './api';

export function PlanMeetingModal({ body, onClose }: { body: BodyDto; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMeeting(body.id);
  return (
    <FormModal<{ meetingOn: string; title: string }>
      title={t('coord.planMeeting')}
      open
      onClose={onClose}
      testId="meeting-plan"
      initialValues={{ meetingOn: shanghaiToday() }}
      submit={(v) => create.mutateAsync({ meetingOn: v.meetingOn, title: v.title.trim() })}
    >
      <DateField name="meetingOn" label={t('coord.meetingOn')} testId="meeting-on" />
      <Form.Item
        name="title"
        label={t('coord.meetingTitle')}
        rules={[{ required: true, whitespace: true, message: t('coord.required') }]}
      >
        <Input maxLength={200} data-testid="meeting-title" />
      </Form.Item>
    </FormModal>
  );
}

interface AgendaValues {
  meetingId: string;
  source: 'case' | 'request' | 'other';
  caseId?: string;
  requestId?: string;
  title?: string;
}

/**
 * Add an agenda item. From the body page with a case chosen (`caseId`): pick the planned meeting. From a
 * meeting page (`meeting`): pick the source, then the case, the request or the topic.
 */
export function AgendaModal({
  body,
  meeting,
  caseId,
  caseNo,
  onClose,
}: {
  body: BodyDto;
  meeting?: MeetingDto;
  caseId?: string;
  caseNo?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddAgendaItem();
  const hot = useHotCases(caseId ? undefined : body.id);
  const planned = body.meetings.filter((m) => m.status === 'planned');
  const onAgenda = new Set(meeting?.agenda.map((a) => a.caseId).filter(Boolean));
  const submit = async (v: AgendaValues) => {
    const meetingId = meeting?.id ?? v.meetingId;
    // The meeting's current version: the one shown, or fetched fresh for a meeting chosen here.
    const version =
      meeting?.version ?? (await api.get<MeetingDto>(`/api/v1/coordination/meetings/${meetingId}`)).version;
    const source = caseId ? 'case' : v.source;
    const input =
      source === 'case'
        ? { source, version, caseId: caseId ?? v.caseId! }
        : source === 'request'
          ? { source, version, requestId: v.requestId! }
          : { source, version, title: (v.title ?? '').trim() };
    return add.mutateAsync({ meetingId, body: input });
  };
  const required = [{ required: true, message: t('coord.required') }];
  return (
    <FormModal<AgendaValues>
      title={caseNo ? t('coord.toAgendaTitle', { caseNo }) : t('coord.addAgendaTitle')}
      open
      onClose={onClose}
      testId="agenda-add"
      okText={t('coord.toAgenda')}
      initialValues={{ meetingId: planned[0]?.id, source: 'case' }}
      submit={submit}
    >
      {!meeting && (
        <Form.Item
          name="meetingId"
          label={t('coord.pickMeeting')}
          rules={required}
          extra={!planned.length && t('coord.noPlanned')}
        >
          <Select
            data-testid="agenda-meeting"
            options={planned.map((m) => ({ value: m.id, label: `${m.title}（${formatDate(m.meetingOn)}）` }))}
          />
        </Form.Item>
      )}
      {!caseId && (
        <>
          <Form.Item name="source" label={t('coord.agendaSource')}>
            <Radio.Group
              data-testid="agenda-source"
              options={(['case', 'request', 'other'] as const).map((s) => ({
                value: s,
                label: t(`coord.source.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['source']}>
            {({ getFieldValue }) => {
              const source = getFieldValue('source') as AgendaValues['source'];
              if (source === 'case')
                return (
                  <Form.Item name="caseId" label={t('coord.pickCase')} rules={required}>
                    <Select
                      data-testid="agenda-case"
                      showSearch={{ optionFilterProp: 'label' }}
                      options={(hot.data?.items ?? [])
                        .filter((c) => !onAgenda.has(c.id))
                        .map((c) => ({ value: c.id, label: `${c.caseNo} ${c.title}` }))}
                    />
                  </Form.Item>
                );
              if (source === 'request')
                return (
                  <Form.Item name="requestId" label={t('coord.pickRequest')} rules={required}>
                    <Select
                      data-testid="agenda-request"
                      options={body.requests
                        .filter((r) => r.status === 'pending')
                        .map((r) => ({ value: r.id, label: `${r.fromDivisionName ?? ''}：${r.subject}` }))}
                    />
                  </Form.Item>
                );
              return (
                <Form.Item
                  name="title"
                  label={t('coord.otherTitle')}
                  rules={[{ required: true, whitespace: true, message: t('coord.required') }]}
                >
                  <Input maxLength={200} data-testid="agenda-title" />
                </Form.Item>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
