import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRecordDto } from '../../api/types';

function Json({ value }: { value: unknown }) {
  return <pre className="json-block">{value === null ? '—' : JSON.stringify(value, null, 2)}</pre>;
}

export function AuditChange({ record }: { record: AuditRecordDto }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
        <Json value={record.before} />
      </Col>
      <Col span={12}>
        <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
        <Json value={record.after} />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary" className="muted-code">
          {t('audit.requestId')} {record.requestId ?? '—'} · hash {record.hash ?? '…'}
        </Typography.Text>
      </Col>
    </Row>
  );
}
