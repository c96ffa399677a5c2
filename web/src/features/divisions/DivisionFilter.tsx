import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDivisions } from './api';

interface Props {
  district?: string;
  street?: string;
  onChange: (value: { district?: string; street?: string }) => void;
}

/** District → street/town cascade, as two labelled Selects inside an inline filter Form. */
export function DivisionFilter({ district, street, onChange }: Props) {
  const { t } = useTranslation();
  const { districts, streetsOf, isLoading } = useDivisions();
  const streets = streetsOf(district);
  return (
    <>
      <Form.Item label={t('filter.district')} htmlFor="filter-district">
        <Select
          id="filter-district"
          style={{ width: 150 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={isLoading}
          placeholder={t('filter.anyDistrict')}
          value={district}
          options={districts.map((d) => ({ value: d.code, label: d.name }))}
          onChange={(value?: string) => onChange({ district: value, street: undefined })}
        />
      </Form.Item>
      <Form.Item label={t('filter.street')} htmlFor="filter-street">
        <Select
          id="filter-street"
          style={{ width: 190 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!district}
          placeholder={t('filter.anyStreet')}
          value={street}
          options={streets.map((d) => ({ value: d.code, label: d.name }))}
          onChange={(value?: string) => onChange({ district, street: value })}
        />
      </Form.Item>
    </>
  );
}
