import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { attributesPayload } from '../cases/taxonomy';
import { ProblemFields, type ProblemValues } from '../report/ProblemFields';
import { useOwnReport, type OwnUnitDto } from './api';

interface Values extends ProblemValues {
  unitId: string;
  phone?: string;
}

/**
 * "Report a problem" with the owner's unit filled in (the only one, or the first of several to choose from);
 * the server routes it as a staff intake at that unit would be.
 */
export function ReportProblem({ units }: { units: OwnUnitDto[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const report = useOwnReport();
  const unitLabel = (u: OwnUnitDto) => `${u.compoundName} ${u.label}`;

  const submit = (v: Values) =>
    report.mutate(
      {
        unitId: v.unitId,
        categoryCode: v.categoryCode,
        attributes: attributesPayload(v.attributes),
        description: v.description.trim(),
        phone: v.phone?.trim() || undefined,
        photos: v.photos ?? [],
      },
      {
        onSuccess: (r) => {
          setDone(r.caseNo);
          setOpen(false);
          form.resetFields();
        },
      },
    );

  return (
    <Card title={t('owner.report.title')} className="owner-card" data-testid="owner-report">
      {done && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setDone(null) }}
          title={t('owner.report.done', { caseNo: done })}
          style={{ marginBottom: 12 }}
          data-testid="owner-report-done"
        />
      )}
      {!open ? (
        <Button
          type="primary"
          size="large"
          block
          icon={<PlusOutlined />}
          disabled={units.length === 0}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
          data-testid="owner-report-open"
        >
          {t('owner.report.open')}
        </Button>
      ) : (
        <Form<Values>
          form={form}
          name="owner-report"
          layout="vertical"
          size="large"
          onFinish={submit}
          initialValues={{ unitId: units[0]?.unitId }}
        >
          <Typography.Paragraph type="secondary">{t('owner.report.intro')}</Typography.Paragraph>
          <Form.Item name="unitId" label={t('owner.report.unit')} rules={[{ required: true }]}>
            <Select
              data-testid="owner-report-unit"
              disabled={units.length === 1}
              options={units.map((u) => ({ value: u.unitId, label: unitLabel(u) }))}
            />
          </Form.Item>
          <ProblemFields testId="owner-report" />
          <Form.Item
            name="phone"
            label={t('owner.report.phone')}
            extra={t('owner.report.phoneHint')}
            rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('report.phoneRule') }]}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" data-testid="owner-report-phone" />
          </Form.Item>
          {report.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('report.failed')}
              description={report.error.message}
              style={{ marginBottom: 16 }}
            />
          )}
          <div className="owner-form-actions">
            <Button onClick={() => setOpen(false)}>{t('owner.report.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={report.isPending}
              data-testid="owner-report-submit"
            >
              {t('owner.report.submit')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
