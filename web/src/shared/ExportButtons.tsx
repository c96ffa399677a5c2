import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportList } from '../../../contracts/transfer';
import { toQueryString, type QueryParams } from '../api/client';

interface Props {
  list: ExportList;
  params?: QueryParams;
}

/** "导出 Excel" (and CSV) links to the export endpoint with the same filters as the list on screen. */
export function ExportButtons({ list, params = {} }: Props) {
  const { t } = useTranslation();
  const qs = toQueryString(params);
  return (
    <Space.Compact>
      <Button
        icon={<DownloadOutlined />}
        href={`/api/v1/exports/${list}.xlsx${qs}`}
        data-testid={`export-${list}`}
      >
        {t('common.exportExcel')}
      </Button>
      <Button href={`/api/v1/exports/${list}.csv${qs}`}>CSV</Button>
    </Space.Compact>
  );
}
