import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCitation } from '../../../domain/citations';
import { OWNER_DUTY_REF, ownPartOfOwner } from '../../../domain/routing';
import { useLang } from '../app/i18n';

/**
 * Said before a report is sent when its attributes name the owner's own part (专有部分) after the meter: the
 * repair is the owner's duty (《上海市住宅物业管理规定》 Art 68 (一)); the property company repairs it only if paid
 * to. Reads the enclosing form's `attributes`; the hotline operator reads it to the caller.
 */
export function OwnerDutyNotice({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const attributes = Form.useWatch('attributes', Form.useFormInstance()) as
    Record<string, string | undefined> | undefined;
  if (!ownPartOfOwner(attributes ?? {})) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('cases.ownerDuty.title')}
      description={t('cases.ownerDuty.text', { basis: formatCitation(OWNER_DUTY_REF, lang) })}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  );
}
