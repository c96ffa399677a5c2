import { useState } from 'react';
import { Button, Form, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { useArrears, useRecordArrear, useSettleArrear } from './api';
import { DateField, shanghaiToday, UnitPicker } from './fields';
import { FormModal } from './FormModal';
import { RegisterCard } from './RegisterCard';
import type { ArrearDto, ArrearInputDto } from './types';

const KINDS = ['service_fee', 'maintenance_fund'] as const;
const YUAN = /^\d{1,9}(\.\d{1,2})?$/;
const yuanFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `¥1,280.50` from the API's yuan string. */
export const formatYuan = (amount: string) => `¥${yuanFormat.format(Number(amount))}`;

/**
 * Unpaid property service fees and maintenance-fund contributions per unit (《规定》 Art 20 ¶2: such an owner
 * may not serve on the committee). The serving property company and the street record and settle them.
 */
export function ArrearsCard({ compoundId, canRecord }: { compoundId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'true' | undefined>('true');
  const list = useArrears(compoundId, { open });
  const [adding, setAdding] = useState(false);
  const [settling, setSettling] = useState<ArrearDto | null>(null);
  const columns: TableColumnsType<ArrearDto> = [
    { title: t('gov.arrears.unit'), dataIndex: 'unitLabel', width: 140 },
    {
      title: t('gov.arrears.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: string) => t(`gov.arrears.kinds.${k}`),
    },
    {
      title: t('gov.arrears.amount'),
      dataIndex: 'amount',
      width: 120,
      align: 'right',
      className: 'arith',
      render: formatYuan,
    },
    {
      title: t('gov.arrears.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, a) => `${formatDate(a.periodFrom)} — ${formatDate(a.periodTo)}`,
    },
    { title: t('gov.arrears.recordedOn'), dataIndex: 'recordedOn', width: 110, render: formatDate },
    {
      title: t('gov.arrears.settledOn'),
      dataIndex: 'settledOn',
      width: 110,
      render: (v: string | null, a) =>
        v ? (
          <span data-testid={`arrear-settled-${a.id}`}>{formatDate(v)}</span>
        ) : (
          <Tag color="error">{t('gov.arrears.filter.open')}</Tag>
        ),
    },
    { title: t('gov.arrears.note'), dataIndex: 'note', ellipsis: true },
    ...(canRecord
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, a: ArrearDto) =>
              !a.settledOn && (
                <Button size="small" onClick={() => setSettling(a)} data-testid={`arrear-settle-${a.id}`}>
                  {t('gov.arrears.settle')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <RegisterCard<ArrearDto>
      title={t('gov.arrears.title')}
      rule={t('gov.arrears.rule')}
      testId="arrears"
      newTestId="arrear-new"
      newLabel={t('gov.arrears.new')}
      onNew={canRecord ? () => setAdding(true) : null}
      open={open}
      onOpen={setOpen}
      openLabel={t('gov.arrears.filter.open')}
      allLabel={t('gov.arrears.filter.all')}
      list={list}
      columns={columns}
      scrollX={900}
      emptyText={t('gov.arrears.empty')}
    >
      {adding && <ArrearModal compoundId={compoundId} onClose={() => setAdding(false)} />}
      {settling && <SettleModal arrear={settling} onClose={() => setSettling(null)} />}
    </RegisterCard>
  );
}

function ArrearModal({ compoundId, onClose }: { compoundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRecordArrear(compoundId);
  return (
    <FormModal<ArrearInputDto>
      title={t('gov.arrears.new')}
      open
      onClose={onClose}
      width={600}
      testId="arrear-modal"
      initialValues={{ kind: 'service_fee', periodTo: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ ...v, note: v.note?.trim() || undefined })}
    >
      <Form.Item
        name="unitId"
        label={t('gov.arrears.unit')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <UnitPicker compoundId={compoundId} testId="field-unit" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('gov.arrears.kind')}>
          <Select
            style={{ width: 160 }}
            data-testid="field-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`gov.arrears.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('gov.arrears.amount')}
          extra={t('gov.arrears.amountRule')}
          rules={[{ required: true, pattern: YUAN, message: t('gov.arrears.amountRule') }]}
        >
          <Input prefix="¥" inputMode="decimal" style={{ width: 180 }} data-testid="field-amount" />
        </Form.Item>
      </Space>
      <Space wrap>
        <DateField name="periodFrom" label={t('gov.arrears.periodFrom')} testId="field-periodFrom" />
        <DateField name="periodTo" label={t('gov.arrears.periodTo')} testId="field-periodTo" />
      </Space>
      <Form.Item name="note" label={t('gov.arrears.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function SettleModal({ arrear, onClose }: { arrear: ArrearDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useSettleArrear();
  return (
    <FormModal<{ on: string }>
      title={`${t('gov.arrears.settle')} · ${arrear.unitLabel} ${formatYuan(arrear.amount)}`}
      open
      onClose={onClose}
      testId="arrear-settle-modal"
      initialValues={{ on: shanghaiToday() }}
      submit={(v) => mutation.mutateAsync({ arrearId: arrear.id, version: arrear.version, on: v.on })}
    >
      <DateField name="on" label={t('gov.arrears.settledOn')} testId="field-on" />
    </FormModal>
  );
}
