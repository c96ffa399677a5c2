import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import { IMPORT_COLUMNS, type ImportKind } from './api';

/** The columns of the chosen kind's template (required ones starred) with its example row. */
export function TemplatePreview({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = IMPORT_COLUMNS[kind];
  const header = columns.map((c) => (lang === 'zh-CN' ? c.zh : c.en) + (c.required ? ' *' : ''));
  const example = columns.map((c) => c.example);
  return (
    <div className="template-preview">
      <Typography.Text type="secondary">{t('imports.columns')}</Typography.Text>
      <Table<Record<string, string>>
        size="small"
        bordered
        pagination={false}
        rowKey="__key"
        columns={header.map((h, i) => ({ title: h, dataIndex: String(i), key: String(i) }))}
        dataSource={[{ __key: 'example', ...Object.fromEntries(example.map((v, i) => [String(i), v])) }]}
        tableLayout="auto"
      />
    </div>
  );
}
