// The data scope of a grant, chosen by name: a district or street from the division list, a compound or an
// organisation by search. Only an owner's own-units scope is entered as the owner record's number.
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompoundSelect } from '../../shared/CompoundSelect';
import { OrgSelect } from '../../shared/OrgSelect';
import { useDivisions } from '../divisions/api';

interface Props {
  id?: string;
  scopeType?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}

const STREET_LEVELS = new Set(['street', 'town', 'township']);

export function ScopePicker({ id, scopeType, value, onChange }: Props) {
  const { t } = useTranslation();
  const divisions = useDivisions();
  if (scopeType === 'district' || scopeType === 'street') {
    const items = (divisions.data ?? []).filter((d) =>
      scopeType === 'district' ? d.level === 'district' : STREET_LEVELS.has(d.level),
    );
    return (
      <Select
        id={id}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('users.scopePick')}
        value={value}
        onChange={onChange}
        loading={divisions.isLoading}
        options={items.map((d) => ({
          value: d.code,
          label:
            scopeType === 'street' && d.parentCode ? `${divisions.nameOf(d.parentCode)} ${d.name}` : d.name,
        }))}
        data-testid="scope-division"
      />
    );
  }
  if (scopeType === 'compound')
    return <CompoundSelect id={id} value={value} onChange={onChange} testId="scope-compound" />;
  if (scopeType === 'company' || scopeType === 'department')
    return (
      <OrgSelect
        id={id}
        value={value}
        onChange={(v) => onChange?.(typeof v === 'string' ? v : undefined)}
        testId="scope-org"
      />
    );
  return (
    <Input
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      disabled={!scopeType || scopeType === 'city'}
      autoComplete="off"
    />
  );
}
