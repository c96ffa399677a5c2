import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatArea } from '../../shared/format';
import type { DecisionResultDto } from './types';

type Check = DecisionResultDto['checks'][number];

/** The result with its arithmetic: totals, participation, yes, and each threshold as a fraction. */
export function ResultView({ r }: { r: DecisionResultDto }) {
  const { t } = useTranslation();
  const x = r.tally;
  const show = (c: Check, v: string) => (c.measure === 'area' ? `${formatArea(v)} m²` : v);
  return (
    <Card size="small" title={t('gov.result.title')} data-testid="result-card">
      {r.provisional && (
        <Alert type="info" showIcon title={t('gov.result.provisional')} style={{ marginBottom: 12 }} />
      )}
      <Space size={16} style={{ marginBottom: 12 }}>
        <span className="result-verdict" data-testid="result-verdict" data-passed={String(x.passed)}>
          {x.passed ? (
            <Typography.Text type="success">{t('gov.result.passed')}</Typography.Text>
          ) : (
            <Typography.Text type="danger">{t('gov.result.failed')}</Typography.Text>
          )}
        </span>
        <Tag color={x.quorumMet ? 'success' : 'error'}>
          {x.quorumMet ? t('gov.result.quorumMet') : t('gov.result.quorumNotMet')}
        </Tag>
        <Tag>{t(`gov.decisions.rule.${x.rule}`)}</Tag>
      </Space>
      <Descriptions size="small" bordered column={3} className="arith">
        <Descriptions.Item label={`${t('gov.result.totals')} · ${t('gov.result.persons')}`}>
          <span data-testid="result-total-persons">{x.totalPersons}</span>
        </Descriptions.Item>
        <Descriptions.Item label={`${t('gov.result.participating')} · ${t('gov.result.persons')}`}>
          {x.participatingPersons}
        </Descriptions.Item>
        <Descriptions.Item label={`${t('gov.result.yes')} · ${t('gov.result.persons')}`}>
          {x.yesPersons}
        </Descriptions.Item>
        <Descriptions.Item label={`${t('gov.result.totals')} · ${t('gov.result.area')}`}>
          <span data-testid="result-total-area">{formatArea(x.totalArea)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={`${t('gov.result.participating')} · ${t('gov.result.area')}`}>
          {formatArea(x.participatingArea)}
        </Descriptions.Item>
        <Descriptions.Item label={`${t('gov.result.yes')} · ${t('gov.result.area')}`}>
          {formatArea(x.yesArea)}
        </Descriptions.Item>
      </Descriptions>
      <Table<Check>
        style={{ marginTop: 12 }}
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        data-testid="result-checks"
        dataSource={r.checks}
        columns={[
          {
            title: t('gov.result.check'),
            dataIndex: 'key',
            render: (k: string) => t(`gov.result.checks.${k}`),
          },
          {
            title: t('gov.result.fraction'),
            key: 'fraction',
            width: 90,
            render: (_: unknown, c) => `${c.comparison} ${c.fraction}`,
          },
          {
            title: t('gov.result.actual'),
            dataIndex: 'actual',
            className: 'arith',
            render: (v: string, c) => show(c, v),
          },
          {
            title: t('gov.result.base'),
            dataIndex: 'base',
            className: 'arith',
            render: (v: string, c) => show(c, v),
          },
          {
            title: t('gov.result.required'),
            dataIndex: 'required',
            className: 'arith',
            render: (v: string, c) => show(c, v),
          },
          {
            title: t('gov.result.met'),
            dataIndex: 'met',
            width: 80,
            render: (m: boolean) => <Tag color={m ? 'success' : 'error'}>{m ? '✓' : '✗'}</Tag>,
          },
        ]}
      />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('gov.result.byChoice')}>
          {(['yes', 'no', 'abstain'] as const).map((c) => (
            <Tag key={c}>
              {t(`gov.choices.${c}`)} {r.choices[c].persons} · {formatArea(r.choices[c].area)} m²
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('gov.result.byChannel')}>
          {(['web', 'desk', 'proxy'] as const).map((c) => (
            <Tag key={c}>
              {t(`gov.decisions.channels.${c}`)} {r.channels[c]}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('gov.result.law')} {t('gov.result.reproduce')}
      </Typography.Paragraph>
    </Card>
  );
}
