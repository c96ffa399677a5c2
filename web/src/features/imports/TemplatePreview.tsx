import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTemplate, type ImportKind } from './api';

/** The columns of the chosen kind's template with its example row (hidden if the template is unavailable). */
export function TemplatePreview({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const template = useTemplate(kind);
  const [header, example] = template.data ?? [];
  if (!header?.length) return null;
  return (
    <div className="template-preview">
      <Typography.Text type="secondary">{t('imports.columns')}</Typography.Text>
      <Table<Record<string, string>>
        size="small"
        bordered
        pagination={false}
        rowKey="__key"
        columns={header.map((h, i) => ({ title: h, dataIndex: String(i), key: String(i) }))}
        dataSource={
          example ? [{ __key: 'example', ...Object.fromEntries(example.map((v, i) => [String(i), v])) }] : []
        }
        tableLayout="auto"
      />
    </div>
  );
}
