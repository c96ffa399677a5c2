import { Alert, Button, Card, Form, Input, Space, Tag, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditRecordDto } from '../../api/types';
import { useLang } from '../../app/i18n';
import { ExportButtons } from '../../shared/ExportButtons';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { formatDateTime } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useAuditLog, useVerifyChain } from './api';
import { AuditChange } from './AuditChange';
import { auditActionLabel, auditTargetLabel } from './labels';

const FILTER_KEYS = ['targetType', 'action', 'actorId', 'targetId'] as const;

function actionColour(action: string): string {
  if (action.startsWith('auth.')) return 'default';
  if (action.includes('reveal')) return 'warning';
  if (action.includes('delete') || action.includes('disable')) return 'error';
  return 'processing';
}

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const log = useAuditLog(filters);
  const verify = useVerifyChain();

  const columns: TableColumnsType<AuditRecordDto> = [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      width: 80,
      align: 'right',
      // Records are sealed into the chain about a second after they are written.
      render: (seq: number | null) => seq ?? '…',
      sorter: (a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity),
    },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 190,
      render: (v: string) => <span className="num">{formatDateTime(v, lang)}</span>,
    },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => (
        <Tag color={actionColour(action)} title={action}>
          {auditActionLabel(action, t, lang)}
        </Tag>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      // The kind of thing and its name; the id only as a tooltip (for searching by it).
      render: (_, r) => (
        <span title={r.targetId ?? undefined}>
          {auditTargetLabel(r.targetType, lang)}
          {r.targetName && ` · ${r.targetName}`}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Space>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
            <ExportButtons list="audit" params={filters} />
          </Space>
        }
      />
      {verify.data && (
        <Alert
          data-testid="audit-verify-result"
          className="section-card"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('audit.verifyOk', { count: verify.data.count })
              : t('audit.verifyBad', { seq: verify.data.firstBadSeq })
          }
          description={verify.data.ok ? undefined : verify.data.reason}
        />
      )}
      {verify.isError && (
        <Alert className="section-card" type="error" showIcon title={verify.error.message} />
      )}
      <Card size="small" className="filter-card">
        <Form layout="inline">
          <Form.Item label={t('audit.action')} htmlFor="audit-action">
            <Input.Search
              id="audit-action"
              key={filters.action ?? ''}
              defaultValue={filters.action}
              allowClear
              placeholder={t('audit.actionPlaceholder')}
              style={{ width: 240 }}
              onSearch={(v) => setFilters({ action: v.trim() })}
            />
          </Form.Item>
          <Form.Item label={t('audit.targetType')} htmlFor="audit-target-type">
            <Input.Search
              id="audit-target-type"
              key={filters.targetType ?? ''}
              defaultValue={filters.targetType}
              allowClear
              placeholder={t('audit.targetTypePlaceholder')}
              style={{ width: 240 }}
              onSearch={(v) => setFilters({ targetType: v.trim() })}
            />
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => setFilters({ action: null, targetType: null, actorId: null, targetId: null })}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <PagedTable<AuditRecordDto>
        list={log}
        testId="audit-table"
        rowKey="id"
        columns={columns}
        expandable={{
          expandedRowRender: (r) => <AuditChange record={r} />,
          rowExpandable: (r) => r.before !== null || r.after !== null,
        }}
      />
    </>
  );
}
