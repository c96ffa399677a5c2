import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowError } from './api';

export function ImportErrors({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RowError> = [
    { title: t('imports.row'), dataIndex: 'row', width: 90, align: 'right', sorter: (a, b) => a.row - b.row },
    { title: t('imports.column'), dataIndex: 'column', width: 200 },
    { title: t('imports.message'), dataIndex: 'message' },
  ];
  return (
    <Table<RowError>
      data-testid="import-errors"
      rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
      size="small"
      bordered
      columns={columns}
      dataSource={errors}
      pagination={errors.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      title={() => (
        <Typography.Text strong>{t('imports.errorsTitle', { count: errors.length })}</Typography.Text>
      )}
    />
  );
}
