import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { attributesPayload } from '../cases/taxonomy';
import { usePublicBuildings, usePublicUnits, useResidentReport } from './api';
import { CompoundPicker } from './CompoundPicker';
import { ProblemFields, type ProblemValues } from './ProblemFields';
import { PublicLayout } from './PublicLayout';
import { SHANGHAI_STREETS } from './streets';

interface Values extends ProblemValues {
  compoundId?: string;
  buildingId?: string;
  unitId?: string;
  streetCode?: string;
  address?: string;
  name?: string;
  phone: string;
}

export function ReportPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const report = useResidentReport();
  const [done, setDone] = useState<{ caseNo: string; trackToken?: string } | null>(null);
  const compoundId = Form.useWatch('compoundId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const buildings = usePublicBuildings(compoundId);
  const units = usePublicUnits(buildingId);
  // Outside any compound (a road, a park), or a compound the directory does not know: the street instead.
  const [byStreet, setByStreet] = useState(false);

  const streetOptions = useMemo(
    () =>
      SHANGHAI_STREETS.map((d) => ({
        label: d.name,
        title: d.name,
        options: d.streets.map((s) => ({ value: s.code, label: `${d.name} · ${s.name}` })),
      })),
    [],
  );

  const submit = (v: Values) => {
    report.mutate(
      {
        categoryCode: v.categoryCode,
        attributes: attributesPayload(v.attributes),
        ...(byStreet
          ? { streetCode: v.streetCode }
          : { compoundId: v.compoundId, buildingId: v.buildingId, unitId: v.unitId }),
        address: v.address?.trim() || undefined,
        description: v.description.trim(),
        name: v.name?.trim() || undefined,
        phone: v.phone.trim(),
        photos: v.photos ?? [],
      },
      {
        onSuccess: (res) => {
          setDone({ caseNo: res.caseNo, trackToken: res.trackToken });
          window.scrollTo({ top: 0 });
        },
      },
    );
  };

  if (done)
    return (
      <PublicLayout>
        <Card>
          <Result
            status="success"
            title={t('report.doneTitle')}
            subTitle={t('report.doneText')}
            extra={
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <div className="case-no-box" role="status">
                  <Typography.Text type="secondary">{t('report.caseNoLabel')}</Typography.Text>
                  <Typography.Text
                    className="case-no"
                    data-testid="report-case-no"
                    copyable={{ icon: <CopyOutlined /> }}
                  >
                    {done.caseNo}
                  </Typography.Text>
                </div>
                <Alert type="info" showIcon title={t('report.keepIt')} />
                {done.trackToken && (
                  <div className="case-no-box">
                    <Typography.Text type="secondary">{t('report.linkLabel')}</Typography.Text>
                    <Typography.Text
                      className="track-link"
                      data-testid="report-track-link"
                      copyable={{ icon: <CopyOutlined /> }}
                    >
                      {`${window.location.origin}/track?t=${done.trackToken}`}
                    </Typography.Text>
                  </div>
                )}
                <Link
                  to={
                    done.trackToken
                      ? `/track?t=${encodeURIComponent(done.trackToken)}`
                      : `/track?caseNo=${encodeURIComponent(done.caseNo)}`
                  }
                >
                  <Button type="primary" size="large" block data-testid="report-go-track">
                    {t('report.goTrack')}
                  </Button>
                </Link>
                <Button
                  size="large"
                  block
                  onClick={() => {
                    form.resetFields();
                    report.reset();
                    setDone(null);
                  }}
                >
                  {t('report.another')}
                </Button>
              </Space>
            }
          />
        </Card>
      </PublicLayout>
    );

  return (
    <PublicLayout>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('report.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('report.emergency')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        name="report"
        layout="vertical"
        size="large"
        onFinish={submit}
        requiredMark
        scrollToFirstError
      >
        <Card title={t('report.what')}>
          <ProblemFields testId="report" />
        </Card>
        <Card title={t('report.where')}>
          {!byStreet && (
            <>
              <Form.Item
                name="compoundId"
                label={t('report.compound')}
                extra={t('report.compoundHint')}
                rules={[{ required: true, message: t('report.required.compound') }]}
              >
                <CompoundPicker
                  testId="report-compound"
                  onChange={() => form.setFieldsValue({ buildingId: undefined, unitId: undefined })}
                />
              </Form.Item>
              {compoundId && (
                <div className="report-pair">
                  <Form.Item name="buildingId" label={t('report.building')}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={buildings.isFetching}
                      data-testid="report-building"
                      placeholder={t('report.notSure')}
                      options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                      onChange={() => form.setFieldValue('unitId', undefined)}
                    />
                  </Form.Item>
                  <Form.Item name="unitId" label={t('report.unit')}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      disabled={!buildingId}
                      loading={units.isFetching}
                      data-testid="report-unit"
                      placeholder={buildingId ? t('report.notSure') : t('report.buildingFirst')}
                      options={(units.data ?? []).map((u) => ({ value: u.id, label: u.number }))}
                    />
                  </Form.Item>
                </div>
              )}
            </>
          )}
          {byStreet && (
            <Form.Item
              name="streetCode"
              label={t('report.street')}
              rules={[{ required: true, message: t('report.required.street') }]}
            >
              <Select
                data-testid="report-street"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('report.streetPlaceholder')}
                options={streetOptions}
              />
            </Form.Item>
          )}
          <Form.Item
            name="address"
            label={byStreet ? t('report.address') : t('report.spot')}
            rules={[{ max: 200 }]}
          >
            <Input
              placeholder={byStreet ? t('report.addressPlaceholder') : t('report.spotPlaceholder')}
              data-testid="report-address"
              autoComplete={byStreet ? 'street-address' : 'off'}
            />
          </Form.Item>
          <Button
            type="link"
            className="report-switch"
            data-testid="report-by-street"
            onClick={() => setByStreet((b) => !b)}
          >
            {byStreet ? t('report.useCompound') : t('report.useStreet')}
          </Button>
        </Card>
        <Card title={t('report.who')}>
          <Form.Item name="name" label={t('report.name')} rules={[{ max: 50 }]}>
            <Input autoComplete="name" data-testid="report-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('report.phone')}
            extra={t('report.phoneHint')}
            rules={[
              { required: true, message: t('report.required.phone') },
              { pattern: /^[0-9+\-() ]{5,20}$/, message: t('report.phoneRule') },
            ]}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" data-testid="report-phone" />
          </Form.Item>
        </Card>
        {report.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('report.failed')}
            description={report.error.message}
            style={{ marginBottom: 16 }}
            data-testid="report-error"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={report.isPending}
          data-testid="report-submit"
        >
          {t('report.submit')}
        </Button>
      </Form>
    </PublicLayout>
  );
}
