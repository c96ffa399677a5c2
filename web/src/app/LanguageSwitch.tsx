import { Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, useLang, type Lang } from './i18n';

/** 中文 / English; the choice is kept in localStorage and sent to the server as Accept-Language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  return (
    <Segmented<Lang>
      aria-label={t('common.language')}
      size="small"
      value={lang}
      options={LANGUAGES}
      onChange={(value) => {
        void changeLanguage(value).then(() => queryClient.invalidateQueries());
      }}
    />
  );
}
