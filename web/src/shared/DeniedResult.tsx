import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  status: 403 | 404;
  /** The server's localised message, or a local one for pages the user may not open. */
  message?: string;
}

/** The page shown instead of any data when the server refuses (403) or hides (404) a record. */
export function DeniedResult({ status, message }: Props) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="result-denied"
      status={status === 403 ? '403' : '404'}
      title={status === 403 ? t('result.forbidden') : t('result.notFound')}
      subTitle={message ?? (status === 403 ? t('result.noPermission') : t('result.pageNotFound'))}
      extra={
        <Link to="/compounds">
          <Button type="primary">{t('result.backHome')}</Button>
        </Link>
      }
    />
  );
}
