import { useState } from 'react';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { VIOLATION_GROUNDS } from '../../../../domain/governance-eligibility';
import { formatDate } from '../../shared/format';
import {
  useCorrectViolation,
  useRecordViolation,
  useViolations,
  type ViolationDto,
  type ViolationInputDto,
} from './duties-api';
import { DateField, shanghaiToday, UnitPicker } from './fields';
import { FormModal } from './FormModal';
import { RegisterCard } from './RegisterCard';

/**
 * 违规情形登记: the grounds of 《规定》第二十条第二款 found on a unit (损坏房屋承重结构, 违法搭建, 破坏房屋外貌, 擅自改变
 * 物业使用性质, 违法出租房屋) and the day each was corrected. An owner with a ground "且未改正" may not serve on the
 * committee; the candidate check reads this register. The street office keeps it.
 */
export function ViolationsCard({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'true' | undefined>('true');
  const list = useViolations(compoundId, { open });
  const canRecord = Boolean((list.data?.pages[0] as { canRecord?: boolean } | undefined)?.canRecord);
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<ViolationDto | null>(null);
  const columns: TableColumnsType<ViolationDto> = [
    { title: t('gov.violations.unit'), dataIndex: 'unitLabel', width: 140 },
    { title: t('gov.violations.ground'), dataIndex: 'groundLabel', width: 180 },
    { title: t('gov.violations.foundOn'), dataIndex: 'foundOn', width: 110, render: formatDate },
    {
      title: t('gov.violations.correctedOn'),
      dataIndex: 'correctedOn',
      width: 120,
      render: (v: string | null, x) =>
        v ? (
          <span data-testid={`violation-corrected-${x.id}`}>{formatDate(v)}</span>
        ) : (
          <Tag color="error">{t('gov.violations.filter.open')}</Tag>
        ),
    },
    { title: t('gov.violations.note'), dataIndex: 'note', ellipsis: true },
    ...(canRecord
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, x: ViolationDto) =>
              !x.correctedOn && (
                <Button
                  size="small"
                  onClick={() => setCorrecting(x)}
                  data-testid={`violation-correct-${x.id}`}
                >
                  {t('gov.violations.correct')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <RegisterCard<ViolationDto>
      title={t('gov.violations.title')}
      rule={t('gov.violations.rule')}
      testId="violations"
      newTestId="violation-new"
      newLabel={t('gov.violations.new')}
      onNew={canRecord ? () => setAdding(true) : null}
      open={open}
      onOpen={setOpen}
      openLabel={t('gov.violations.filter.open')}
      allLabel={t('gov.violations.filter.all')}
      list={list}
      columns={columns}
      scrollX={760}
      emptyText={t('gov.violations.empty')}
    >
      {adding && <ViolationModal compoundId={compoundId} onClose={() => setAdding(false)} />}
      {correcting && <CorrectModal violation={correcting} onClose={() => setCorrecting(null)} />}
    </RegisterCard>
  );
}

function ViolationModal({ compoundId, onClose }: { compoundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRecordViolation(compoundId);
  return (
    <FormModal<ViolationInputDto>
      title={t('gov.violations.new')}
      open
      onClose={onClose}
      width={560}
      testId="violation-modal"
      initialValues={{ ground: 'illegal_construction', foundOn: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ ...v, note: v.note?.trim() || undefined })}
    >
      <Form.Item
        name="unitId"
        label={t('gov.violations.unit')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <UnitPicker compoundId={compoundId} testId="field-unit" />
      </Form.Item>
      <Form.Item name="ground" label={t('gov.violations.ground')}>
        <Select
          data-testid="field-ground"
          options={VIOLATION_GROUNDS.map((g) => ({ value: g, label: t(`gov.violations.grounds.${g}`) }))}
        />
      </Form.Item>
      <DateField name="foundOn" label={t('gov.violations.foundOn')} testId="field-foundOn" />
      <Form.Item name="note" label={t('gov.violations.note')}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('gov.violations.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

function CorrectModal({ violation, onClose }: { violation: ViolationDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useCorrectViolation();
  return (
    <FormModal<{ on: string }>
      title={`${t('gov.violations.correct')} · ${violation.unitLabel} ${violation.groundLabel}`}
      open
      onClose={onClose}
      testId="violation-correct-modal"
      initialValues={{ on: shanghaiToday() }}
      submit={(v) =>
        mutation.mutateAsync({ violationId: violation.id, version: violation.version, on: v.on })
      }
    >
      <DateField name="on" label={t('gov.violations.correctedOn')} testId="field-on" />
    </FormModal>
  );
}
