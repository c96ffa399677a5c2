import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import { useCategories } from '../cases/api';
import { CategorySelect } from '../../shared/CategorySelect';
import { OwnerDutyNotice } from '../../shared/OwnerDutyNotice';
import { PhotoPicker } from '../../shared/PhotoPicker';
import { attributeLabel, attributeOptions } from '../cases/taxonomy';

/** The part of a report form every reporter fills alike: the problem's fields (categoryCode, attributes, description, photos). */
export interface ProblemValues {
  categoryCode: string;
  attributes?: Record<string, string | undefined>;
  description: string;
  photos?: string[];
}

/**
 * "What is the problem": category (keyword search), the category's routing attributes (optional — "not sure"),
 * a description and photos. Shared by the public report page and the owner's home; `testId` prefixes the
 * fields' test ids (`<testId>-category`, `<testId>-attr-<name>`, `<testId>-description`, `<testId>-photos`).
 */
export function ProblemFields({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = Form.useFormInstance<ProblemValues>(); // the enclosing report form
  const categories = useCategories();
  const categoryCode = Form.useWatch('categoryCode', form);
  const category = categories.data?.find((c) => c.code === categoryCode);
  return (
    <>
      <Form.Item
        name="categoryCode"
        label={t('report.category')}
        rules={[{ required: true, message: t('report.required.category') }]}
      >
        <CategorySelect
          testId={`${testId}-category`}
          categories={categories.data}
          loading={categories.isLoading}
          placeholder={t('report.categoryPlaceholder')}
          onPicked={() => form.setFieldValue('attributes', {})}
        />
      </Form.Item>
      {category?.attributes.map((name) => (
        <Form.Item key={name} name={['attributes', name]} label={attributeLabel(name, lang)}>
          <Select
            allowClear
            data-testid={`${testId}-attr-${name}`}
            options={attributeOptions(name, lang)}
            placeholder={t('report.notSure')}
          />
        </Form.Item>
      ))}
      <OwnerDutyNotice testId={`${testId}-owner-duty`} />
      <Form.Item
        name="description"
        label={t('report.description')}
        rules={[
          { required: true, whitespace: true, message: t('report.required.description') },
          { min: 5, message: t('report.descriptionMin') },
          { max: 2000 },
        ]}
      >
        <Input.TextArea
          rows={4}
          showCount
          maxLength={2000}
          placeholder={t('report.descriptionPlaceholder')}
          data-testid={`${testId}-description`}
        />
      </Form.Item>
      <Form.Item name="photos" label={t('report.photos')} extra={t('report.photosHint')}>
        <PhotoPicker testId={`${testId}-photos`} large />
      </Form.Item>
    </>
  );
}
