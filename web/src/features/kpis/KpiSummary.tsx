// The month at a glance: intake and the main rates of the chosen month beside the month before (环比), an
// arrow for the direction and its colour for better or worse (a lower 重复投诉率 is better). Figures from the
// trend query (the cases created in each month, as the KPI table counts them).
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiTrendMonthDto } from './api';
import { formatRate } from './format';

const FIGURES = [
  { key: 'total', better: 'neutral' },
  { key: 'onTimeRate', better: 'up' },
  { key: 'satisfactionRate', better: 'up' },
  { key: 'resolutionRate', better: 'up' },
  { key: 'repeatRate', better: 'down' },
] as const;
type FigureKey = (typeof FIGURES)[number]['key'];

const GOOD = '#2f9e44';
const BAD = '#c92a2a';

/** The change between two months: a count difference, or a rate difference in percentage points. */
function change(key: FigureKey, now: number | null, before: number | null) {
  if (now === null || before === null) return null;
  const diff = key === 'total' ? now - before : Math.round((now - before) * 1000) / 10;
  return diff;
}

export function KpiSummary({
  current,
  previous,
}: {
  current?: KpiTrendMonthDto;
  previous?: KpiTrendMonthDto;
}) {
  const { t } = useTranslation();
  if (!current) return null;
  return (
    <Row gutter={[12, 12]} data-testid="kpi-summary">
      {FIGURES.map(({ key, better }) => {
        const now = current[key];
        const diff = change(key, now, previous?.[key] ?? null);
        const up = diff !== null && diff > 0;
        const down = diff !== null && diff < 0;
        const colour = better === 'neutral' || !diff ? undefined : (better === 'up') === up ? GOOD : BAD;
        const icon = up ? <ArrowUpOutlined /> : down ? <ArrowDownOutlined /> : null;
        const amount =
          diff === null
            ? t('kpis.summary.noPrevious')
            : diff === 0
              ? t('kpis.summary.same')
              : key === 'total'
                ? t('kpis.summary.countChange', { n: Math.abs(diff) })
                : t('kpis.summary.pointChange', { n: Math.abs(diff).toFixed(1) });
        return (
          <Col key={key} xs={12} sm={8} lg={4} xl={4}>
            <Card size="small" data-testid={`kpi-summary-${key}`}>
              <Statistic
                title={t(key === 'total' ? 'kpis.total' : `kpis.${key}`)}
                value={key === 'total' ? (now ?? 0) : formatRate(now)}
              />
              <Typography.Text
                className="kpi-change"
                style={{ color: colour }}
                data-testid={`kpi-change-${key}`}
                data-direction={up ? 'up' : down ? 'down' : 'same'}
              >
                {diff === null || diff === 0 ? (
                  amount
                ) : (
                  <>
                    {t('kpis.summary.vsPrevious')} {icon} {amount}
                  </>
                )}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
