import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { formatDate } from '../../shared/format';
import { useFileContract, type ContractDto } from './api';

/** The district records a contract's filing (备案); after the 30th day from signing it shows as filed late. */
export function FilingModal({ c, onClose }: { c: ContractDto; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useFileContract(c.id);
  return (
    <FormModal<{ filedOn: string }>
      title={t('industry.filingTitle', { compound: c.compoundName })}
      open
      onClose={onClose}
      submit={(v) => file.mutateAsync({ version: c.version, filedOn: v.filedOn })}
      okText={t('industry.submit')}
      testId="contract-filing"
      initialValues={{ filedOn: shanghaiToday() }}
    >
      <Typography.Paragraph type="secondary">
        {c.companyName} · {t('industry.signedOn')} {formatDate(c.signedOn)} ·{' '}
        {t(`industry.filingStates.${c.filing.state}`, { date: formatDate(c.filing.dueOn) })}
      </Typography.Paragraph>
      <DateField name="filedOn" label={t('industry.filedOn')} testId="filing-date" />
    </FormModal>
  );
}
