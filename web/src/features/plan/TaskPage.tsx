import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Flex, Form, Input, Space, Spin, Table } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormModal } from '../governance/FormModal';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { useTask, useTaskStep, type MilestoneState, type TaskDto } from './api';
import { StateTag } from './parts';
import './plan.css';

type Milestone = TaskDto['milestones'][number];
type Report = TaskDto['reports'][number];
type Supervision = TaskDto['supervisions'][number];

/** One plan task: its content and units, milestones in words, progress reports with evidence, 督办 history. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const task = useTask(id);
  const [open, setOpen] = useState<'report' | 'supervise' | null>(null);
  if (task.isError) return <QueryError error={task.error} />;
  if (task.isPending) return <Spin />;
  const d = task.data;
  const list = (v: string[]) => (v.length ? v.join('、') : '—');
  return (
    <>
      <Link to={`/plans?plan=${d.planId}`} className="no-print">
        <ArrowLeftOutlined /> {t('plan.back')}
      </Link>
      <PageHeader
        title={`${d.seq}. ${d.title}`}
        testId="task-title"
        extra={
          <Space wrap>
            {d.mayReport && (
              <Button type="primary" onClick={() => setOpen('report')} data-testid="task-report-open">
                {t('plan.report')}
              </Button>
            )}
            {d.maySupervise && (
              <Button danger onClick={() => setOpen('supervise')} data-testid="task-supervise-open">
                {t('plan.supervise')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small" className="section-card">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('plan.state')}>
              <span data-testid="task-state">
                <StateTag state={d.state} />
              </span>{' '}
              {`${d.progress.done}/${d.progress.total}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.goal')}>{d.goal ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('plan.lead')}>{d.leadName}</Descriptions.Item>
            <Descriptions.Item label={t('plan.cooperating')}>{list(d.cooperatingNames)}</Descriptions.Item>
            <Descriptions.Item label={t('plan.units')} span={2}>
              {list(d.unitNames)}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.content')} span={2}>
              <span className="plan-prewrap">{d.content}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" className="section-card" title={t('plan.milestones')}>
          <Table<Milestone>
            data-testid="task-milestones"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.milestones}
            scroll={{ x: 520 }}
            columns={[
              { title: t('plan.milestones'), dataIndex: 'title', width: 220 },
              {
                title: t('plan.dueOn'),
                dataIndex: 'dueOn',
                width: 110,
                render: (v: string) => formatDate(v),
              },
              {
                title: t('plan.doneOn'),
                dataIndex: 'doneOn',
                width: 110,
                render: (v: string | null) => formatDate(v) || '—',
              },
              {
                title: t('plan.state'),
                dataIndex: 'state',
                width: 100,
                render: (s: MilestoneState) => <StateTag state={s} />,
              },
            ]}
          />
        </Card>
        <Card size="small" className="section-card" title={t('plan.reports')}>
          <Table<Report>
            data-testid="task-reports"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.reports}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('plan.noReports') }}
            columns={[
              {
                title: t('plan.reportedOn'),
                dataIndex: 'reportedOn',
                width: 110,
                render: (v: string) => formatDate(v),
              },
              { title: t('plan.progressText'), dataIndex: 'progress', width: 240 },
              { title: t('plan.evidence'), dataIndex: 'evidence', width: 260 },
              {
                title: t('plan.completes'),
                dataIndex: 'milestonesDone',
                width: 160,
                render: (v: string[]) => (v.length ? v.join('、') : '—'),
              },
              {
                title: t('plan.reportedBy'),
                dataIndex: 'createdByName',
                width: 160,
                // an implementing unit's report names the unit when it is not the reporter's own name
                render: (v: string, r) => (r.unitName && r.unitName !== v ? `${r.unitName} · ${v}` : v),
              },
            ]}
          />
        </Card>
        <Card size="small" className="section-card" title={t('plan.supervisionHistory')}>
          <Table<Supervision>
            data-testid="task-supervisions"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.supervisions}
            scroll={{ x: 560 }}
            locale={{ emptyText: t('plan.noSupervisions') }}
            columns={[
              {
                title: t('plan.issuedOn'),
                dataIndex: 'issuedOn',
                width: 110,
                render: (v: string) => formatDate(v),
              },
              {
                title: t('plan.by'),
                dataIndex: 'byName',
                width: 180,
                render: (v: string | null) => v ?? '—',
              },
              { title: t('plan.note'), dataIndex: 'note', width: 280 },
            ]}
          />
        </Card>
      </Flex>
      {open === 'report' && <ReportModal d={d} onClose={() => setOpen(null)} />}
      {open === 'supervise' && <SuperviseModal d={d} onClose={() => setOpen(null)} />}
    </>
  );
}

interface ReportValues {
  progress: string;
  evidence: string;
  milestoneIds?: string[];
}

function ReportModal({ d, onClose }: { d: TaskDto; onClose: () => void }) {
  const { t } = useTranslation();
  const step = useTaskStep(d.id);
  const required = [{ required: true, whitespace: true, message: t('plan.required') }];
  const open = d.milestones.filter((m) => !m.doneOn);
  return (
    <FormModal<ReportValues>
      title={t('plan.reportTitle', { title: d.title })}
      open
      width={620}
      onClose={onClose}
      testId="task-report"
      submit={(v) =>
        step.mutateAsync({
          kind: 'report',
          version: d.version,
          progress: v.progress.trim(),
          evidence: v.evidence.trim(),
          milestoneIds: v.milestoneIds ?? [],
        })
      }
    >
      <Form.Item name="progress" label={t('plan.progressText')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="task-report-progress" />
      </Form.Item>
      <Form.Item name="evidence" label={t('plan.evidenceText')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="task-report-evidence" />
      </Form.Item>
      {open.length > 0 && (
        <Form.Item name="milestoneIds" label={t('plan.markDone')}>
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {open.map((m) => (
                <Checkbox key={m.id} value={m.id} data-testid={`task-report-milestone-${m.id}`}>
                  {`${formatDate(m.dueOn)} ${m.title}`} <StateTag state={m.state} />
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
    </FormModal>
  );
}

function SuperviseModal({ d, onClose }: { d: TaskDto; onClose: () => void }) {
  const { t } = useTranslation();
  const step = useTaskStep(d.id);
  return (
    <FormModal<{ note: string }>
      title={t('plan.superviseTitle', { title: d.title })}
      open
      onClose={onClose}
      testId="task-supervise"
      submit={(v) => step.mutateAsync({ kind: 'supervise', version: d.version, note: v.note.trim() })}
    >
      <Form.Item
        name="note"
        label={t('plan.note')}
        rules={[{ required: true, whitespace: true, message: t('plan.required') }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="task-supervise-note" />
      </Form.Item>
    </FormModal>
  );
}
