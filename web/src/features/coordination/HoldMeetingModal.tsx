// Record a meeting held: each member unit's attendance (出席 / 委派 with the deputy's name / 缺席), the minutes,
// the decisions (one per agenda item to start with) and their action items — lead unit, cooperating units and
// a deadline in working days or on a date. Sends the meeting's version (409 when it changed).
import { Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE, type Attendance } from '../../../../domain/coordination';
import { FormModal } from '../governance/FormModal';
import { useHoldMeeting, type BodyDto, type HoldDto, type MeetingDto } from './api';

interface ActionValues {
  title?: string;
  leadOrgId?: string;
  cooperatingOrgIds?: string[];
  kind: 'days' | 'date';
  days?: number;
  date?: string;
}
interface Values {
  attendance: { attendance: Attendance; deputyName?: string }[];
  minutes: string;
  decisions: { agendaItemId?: string; text?: string; actions?: ActionValues[] }[];
}

// Form lists return only registered fields: the unit of each attendance row is the body's member at that place.
const toBody = (m: MeetingDto, b: BodyDto, v: Values): HoldDto => ({
  version: m.version,
  attendance: v.attendance.map((a, i) => ({
    orgId: b.memberOrgs[i]!.id,
    attendance: a.attendance,
    deputyName: a.attendance === 'deputy' ? a.deputyName?.trim() : undefined,
  })),
  minutes: v.minutes.trim(),
  decisions: v.decisions.map((d) => ({
    agendaItemId: d.agendaItemId || undefined,
    text: (d.text ?? '').trim(),
    actions: (d.actions ?? []).map((a) => ({
      title: (a.title ?? '').trim(),
      leadOrgId: a.leadOrgId!,
      cooperatingOrgIds: a.cooperatingOrgIds ?? [],
      deadline: a.kind === 'date' ? { date: a.date! } : { workingDays: a.days ?? 10 },
    })),
  })),
});

export function HoldMeetingModal({
  meeting,
  body,
  onClose,
}: {
  meeting: MeetingDto;
  body: BodyDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const hold = useHoldMeeting(meeting.id);
  const orgs = body.memberOrgs.map((o) => ({ value: o.id, label: o.name }));
  const required = [{ required: true, whitespace: true, message: t('coord.required') }];
  return (
    <FormModal<Values>
      title={t('coord.holdTitle', { title: meeting.title })}
      open
      width={760}
      onClose={onClose}
      testId="meeting-hold"
      okText={t('coord.hold')}
      initialValues={{
        attendance: body.memberOrgs.map(() => ({ attendance: 'present' })),
        decisions: meeting.agenda.map((a) => ({ agendaItemId: a.id, actions: [] })),
      }}
      submit={(v) => hold.mutateAsync(toBody(meeting, body, v))}
    >
      <Typography.Paragraph type="secondary">{t('coord.holdHint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('coord.attendance')}</Typography.Title>
      <Form.List name="attendance">
        {(fields) =>
          fields.map((f, i) => (
            <Flex key={f.key} gap={8} wrap align="baseline" data-testid={`hold-att-${i}`}>
              <span style={{ minWidth: 170 }}>{body.memberOrgs[i]?.name}</span>
              <Form.Item name={[f.name, 'attendance']} style={{ marginBottom: 8 }}>
                <Radio.Group
                  optionType="button"
                  size="small"
                  options={ATTENDANCE.map((a) => ({ value: a, label: t(`coord.attendanceLabel.${a}`) }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['attendance', f.name, 'attendance']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['attendance', f.name, 'attendance']) === 'deputy' && (
                    <Form.Item name={[f.name, 'deputyName']} rules={required} style={{ marginBottom: 8 }}>
                      <Input
                        placeholder={t('coord.deputy')}
                        maxLength={100}
                        style={{ width: 180 }}
                        data-testid={`hold-deputy-${i}`}
                      />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </Flex>
          ))
        }
      </Form.List>
      <Form.Item name="minutes" label={t('coord.minutes')} rules={required}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="hold-minutes" />
      </Form.Item>
      <Typography.Title level={5}>{t('coord.decisions')}</Typography.Title>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                data-testid={`hold-decision-${i}`}
                title={t('coord.decisionN', { n: i + 1 })}
                extra={
                  fields.length > 1 && (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('coord.removeDecision')}
                      onClick={() => remove(f.name)}
                    />
                  )
                }
              >
                <Form.Item name={[f.name, 'agendaItemId']} label={t('coord.forAgenda')}>
                  <Select
                    allowClear
                    placeholder={t('coord.general')}
                    options={meeting.agenda.map((a) => ({ value: a.id, label: `${a.seq}. ${a.title}` }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'text']} label={t('coord.decisionText')} rules={required}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid={`hold-decision-${i}-text`} />
                </Form.Item>
                <Actions decision={f.name} index={i} orgs={orgs} />
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ actions: [] })}
              data-testid="hold-add-decision"
            >
              {t('coord.addDecision')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}

function Actions({
  decision,
  index,
  orgs,
}: {
  decision: number;
  index: number;
  orgs: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('coord.required') }];
  return (
    <Form.List name={[decision, 'actions']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f, j) => {
            const id = `hold-action-${index}-${j}`;
            return (
              <Card
                key={f.key}
                size="small"
                type="inner"
                data-testid={id}
                title={t('coord.item')}
                extra={
                  <Button size="small" type="link" onClick={() => remove(f.name)}>
                    {t('coord.removeAction')}
                  </Button>
                }
              >
                <Form.Item name={[f.name, 'title']} label={t('coord.actionTitle')} rules={required}>
                  <Input maxLength={300} data-testid={`${id}-title`} />
                </Form.Item>
                <Form.Item name={[f.name, 'leadOrgId']} label={t('coord.lead')} rules={required}>
                  <Select options={orgs} data-testid={`${id}-lead`} />
                </Form.Item>
                <Form.Item name={[f.name, 'cooperatingOrgIds']} label={t('coord.cooperating')}>
                  <Select mode="multiple" options={orgs} data-testid={`${id}-co`} />
                </Form.Item>
                <Form.Item label={t('coord.deadline')} required>
                  <Flex gap={8} wrap align="center">
                    <Form.Item noStyle name={[f.name, 'kind']}>
                      <Radio.Group
                        optionType="button"
                        size="small"
                        options={[
                          { value: 'days', label: t('coord.workingDays') },
                          { value: 'date', label: t('coord.byDate') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['decisions', decision, 'actions', f.name, 'kind']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['decisions', decision, 'actions', f.name, 'kind']) === 'date' ? (
                          <Form.Item noStyle name={[f.name, 'date']} rules={required}>
                            <Input type="date" style={{ width: 170 }} data-testid={`${id}-date`} />
                          </Form.Item>
                        ) : (
                          <Form.Item
                            noStyle
                            name={[f.name, 'days']}
                            rules={[{ required: true, message: t('coord.required') }]}
                          >
                            <InputNumber
                              min={1}
                              max={250}
                              style={{ width: 120 }}
                              data-testid={`${id}-days`}
                            />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                  </Flex>
                </Form.Item>
              </Card>
            );
          })}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'days', days: 10, cooperatingOrgIds: [] })}
            data-testid={`hold-decision-${index}-add-action`}
          >
            {t('coord.addAction')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
