import { useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { useLang } from '../../app/i18n';
import { useDivisions } from '../divisions/api';
import { DeniedResult } from '../../shared/DeniedResult';
import { PageHeader } from '../../shared/PageHeader';
import { useBuildingsOf, useCategories, useIntake, useIntakeAndMerge, useUnitsOf } from './api';
import { CategorySelect } from '../../shared/CategorySelect';
import { CompoundSelect } from '../../shared/CompoundSelect';
import { OwnerDutyNotice } from '../../shared/OwnerDutyNotice';
import { HOTLINE_CHANNELS, intakeChannels } from './roles';
import { SimilarCaseHints } from './SimilarCases';
import { attributeLabel, attributeOptions, attributesPayload } from './taxonomy';
import type { IntakeBodyDto } from './types';
import './cases.css';

interface Values {
  channel: string;
  workOrderNo?: string;
  sourceUrl?: string;
  categoryCode: string;
  attributes?: Record<string, string | undefined>;
  compoundId?: string;
  buildingId?: string;
  unitId?: string;
  streetCode?: string;
  address?: string;
  title?: string;
  description: string;
  reporterName?: string;
  reporterPhone?: string;
}

const HOTLINES: ReadonlySet<string> = new Set(HOTLINE_CHANNELS);

export function IntakePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const channels = intakeChannels(me);
  const categories = useCategories();
  const intake = useIntake();
  const intakeAndMerge = useIntakeAndMerge();
  const [mergingInto, setMergingInto] = useState<string | null>(null);
  const divisions = useDivisions();

  const channel = Form.useWatch('channel', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const compoundId = Form.useWatch('compoundId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const buildings = useBuildingsOf(compoundId);
  const units = useUnitsOf(buildingId);
  const attributes = Form.useWatch('attributes', form);
  const category = categories.data?.find((c) => c.code === categoryCode);
  // The open cases this report would repeat, while compound and category are chosen (重复投诉 hints).
  const attributeValues = useMemo(() => attributesPayload(attributes), [attributes]);
  const similarQuery = useMemo(
    () => (compoundId && categoryCode ? { compoundId, categoryCode, attributes: attributeValues } : null),
    [compoundId, categoryCode, attributeValues],
  );

  const streetOptions = useMemo(
    () =>
      divisions.districts.map((d) => ({
        label: d.name,
        title: d.name,
        options: divisions.streetsOf(d.code).map((s) => ({ value: s.code, label: `${s.name}（${d.name}）` })),
      })),
    [divisions],
  );

  if (!channels.length) return <DeniedResult status={403} />;

  const bodyOf = (v: Values): IntakeBodyDto & { workOrderNo?: string } => ({
    channel: v.channel as IntakeBodyDto['channel'],
    categoryCode: v.categoryCode,
    attributes: attributesPayload(v.attributes),
    description: v.description.trim(),
    title: v.title?.trim() || undefined,
    compoundId: v.compoundId || undefined,
    buildingId: v.buildingId || undefined,
    unitId: v.unitId || undefined,
    streetCode: v.compoundId ? undefined : v.streetCode,
    address: v.address?.trim() || undefined,
    reporter: {
      name: v.reporterName?.trim() || undefined,
      phone: v.reporterPhone?.trim() || undefined,
    },
    workOrderNo: HOTLINES.has(v.channel) ? v.workOrderNo?.trim() || undefined : undefined,
    sourceUrl: v.channel === 'onlineMedia' ? v.sourceUrl?.trim() || undefined : undefined,
  });

  const submit = (v: Values) => {
    intake.mutate(bodyOf(v), {
      onSuccess: (res) => {
        if (res.created) void message.success(t('cases.intake.created', { caseNo: res.caseNo }));
        else void message.info(t('cases.intake.existing', { caseNo: res.caseNo }));
        navigate(`/cases/${res.id}`);
      },
    });
  };

  /** The hint's one click: record the report (the form must be complete) and merge it into `caseNo`. */
  const recordAndMerge = async (caseNo: string) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setMergingInto(caseNo);
    intakeAndMerge.mutate(
      { body: bodyOf(v), intoCaseNo: caseNo },
      {
        onSuccess: ({ created, merged, error }) => {
          if (merged)
            void message.success(t('cases.similar.merged', { caseNo: created.caseNo, into: caseNo }));
          else
            void message.error(
              t('cases.similar.mergeFailed', { caseNo: created.caseNo, reason: error?.message ?? '' }),
            );
          navigate(`/cases/${created.id}`);
        },
        onSettled: () => setMergingInto(null),
      },
    );
  };

  return (
    <>
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/cases">{t('cases.queueTitle')}</Link> },
          { title: t('cases.intake.title') },
        ]}
      />
      <PageHeader title={t('cases.intake.title')} testId="intake-title" />
      <Card size="small" className="section-card intake-form">
        <Form<Values>
          form={form}
          name="intake"
          layout="vertical"
          onFinish={submit}
          initialValues={{ channel: channels[0] }}
          requiredMark
          scrollToFirstError
        >
          {intakeAndMerge.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('cases.intake.failed')}
              description={intakeAndMerge.error.message}
              style={{ marginBottom: 16 }}
            />
          )}
          {intake.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('cases.intake.failed')}
              description={intake.error.message}
              style={{ marginBottom: 16 }}
              data-testid="intake-error"
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('cases.channel')} rules={[{ required: true }]}>
                <Select
                  data-testid="intake-channel"
                  options={channels.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {HOTLINES.has(channel) && (
                <Form.Item
                  name="workOrderNo"
                  label={t('cases.intake.workOrderNo')}
                  extra={t('cases.intake.workOrderHint')}
                  rules={[{ max: 80 }]}
                >
                  <Input className="num" autoComplete="off" data-testid="intake-work-order" />
                </Form.Item>
              )}
              {channel === 'onlineMedia' && (
                <Form.Item
                  name="sourceUrl"
                  label={t('cases.intake.sourceUrl')}
                  extra={t('cases.intake.sourceUrlHint')}
                  rules={[{ required: true }, { type: 'url' }, { max: 500 }]}
                >
                  <Input autoComplete="off" inputMode="url" data-testid="intake-source-url" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="categoryCode"
                label={t('cases.category')}
                rules={[{ required: true, message: t('cases.intake.required.category') }]}
              >
                <CategorySelect
                  testId="intake-category"
                  categories={categories.data}
                  loading={categories.isLoading}
                  placeholder={t('cases.intake.categoryPlaceholder')}
                  onPicked={() => form.setFieldValue('attributes', {})}
                />
              </Form.Item>
            </Col>
            {category?.attributes.map((name) => (
              <Col xs={24} md={6} key={name}>
                <Form.Item
                  name={['attributes', name]}
                  label={attributeLabel(name, lang)}
                  extra={t('cases.intake.attributeHint')}
                >
                  <Select
                    allowClear
                    data-testid={`intake-attr-${name}`}
                    options={attributeOptions(name, lang)}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <OwnerDutyNotice testId="intake-owner-duty" />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="compoundId"
                label={t('cases.compound')}
                extra={t('cases.intake.compoundHint')}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      value || getFieldValue('streetCode')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('cases.intake.required.location'))),
                  }),
                ]}
              >
                <CompoundSelectField
                  onPicked={() => form.setFieldsValue({ buildingId: undefined, unitId: undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="buildingId" label={t('cases.intake.building')}>
                <Select
                  allowClear
                  disabled={!compoundId}
                  loading={buildings.isFetching}
                  data-testid="intake-building"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                  onChange={() => form.setFieldValue('unitId', undefined)}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="unitId" label={t('cases.intake.unit')}>
                <Select
                  allowClear
                  disabled={!buildingId}
                  loading={units.isFetching}
                  data-testid="intake-unit"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.number }))}
                />
              </Form.Item>
            </Col>
            {!compoundId && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="streetCode"
                  label={t('cases.intake.street')}
                  extra={t('cases.intake.streetHint')}
                >
                  <Select
                    allowClear
                    data-testid="intake-street"
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={divisions.isLoading}
                    options={streetOptions}
                    onChange={() => void form.validateFields(['compoundId'])}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="address" label={t('cases.intake.address')} rules={[{ max: 200 }]}>
                <Input data-testid="intake-address" placeholder={t('cases.intake.addressPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <SimilarCaseHints
            query={similarQuery}
            canMerge={can('cases.dispatch')}
            merging={mergingInto}
            onMerge={(caseNo) => void recordAndMerge(caseNo)}
          />
          <Form.Item
            name="title"
            label={t('cases.intake.titleLabel')}
            extra={t('cases.intake.titleHint')}
            rules={[{ max: 100 }]}
          >
            <Input data-testid="intake-title-input" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('cases.description')}
            rules={[
              { required: true, whitespace: true, message: t('cases.intake.required.description') },
              { min: 2, max: 4000 },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={4000} data-testid="intake-description" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="reporterName" label={t('cases.intake.reporterName')} rules={[{ max: 50 }]}>
                <Input data-testid="intake-reporter-name" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="reporterPhone"
                label={t('cases.intake.reporterPhone')}
                rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('cases.intake.phoneRule') }]}
              >
                <Input data-testid="intake-reporter-phone" inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={intake.isPending} data-testid="intake-submit">
              {t('cases.intake.submit')}
            </Button>
            <Link to="/cases">
              <Button>{t('common.cancel')}</Button>
            </Link>
          </Space>
        </Form>
      </Card>
    </>
  );
}

/** The compound Select as a form control, clearing building and unit when the compound changes. */
function CompoundSelectField({
  id,
  value,
  onChange,
  onPicked,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  onPicked: () => void;
}) {
  return (
    <CompoundSelect
      id={id}
      value={value}
      testId="intake-compound"
      onChange={(v) => {
        onChange?.(v);
        onPicked();
      }}
    />
  );
}
