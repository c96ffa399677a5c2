import { useMemo } from 'react';
import { Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryMatches } from '../../../domain/category-search';
import type { z } from 'zod';
import type { Category } from '../../../contracts/cases';
import { useLang } from '../app/i18n';
import { categoryGroup, categoryName, type CategoryGroup } from './categories';

type CategoryDto = z.infer<typeof Category>;

const GROUPS: CategoryGroup[] = ['urgent', 'repair', 'governance'];

/**
 * The case category as a form control: categories grouped (urgent / repair / governance) and searchable,
 * urgent ones tagged. `onPicked` runs after the form's own onChange (e.g. to reset the attributes).
 */
export function CategorySelect({
  categories,
  loading,
  placeholder,
  testId,
  value,
  onChange,
  onPicked,
}: {
  categories: readonly CategoryDto[] | undefined;
  loading: boolean;
  placeholder: string;
  testId: string;
  value?: string;
  onChange?: (code: string) => void;
  onPicked?: (code: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const options = useMemo(
    () =>
      GROUPS.map((g) => ({
        label: t(`cases.groups.${g}`),
        title: t(`cases.groups.${g}`),
        options: (categories ?? [])
          .filter((c) => categoryGroup(c) === g)
          .map((c) => ({ value: c.code, label: categoryName(c, lang), urgent: c.urgent, category: c })),
      })).filter((g) => g.options.length),
    [categories, lang, t],
  );
  return (
    <Select
      data-testid={testId}
      // Names and the words callers use (keywords: 噪音 finds 噪声扰民), domain/category-search.ts.
      showSearch={{
        filterOption: (input, option) =>
          !!option && 'category' in option && categoryMatches(option.category as CategoryDto, input),
      }}
      loading={loading}
      placeholder={placeholder}
      options={options}
      value={value}
      optionRender={(option) => (
        <Space size={6}>
          <span>{option.label}</span>
          {'urgent' in option.data && !!option.data.urgent && (
            <Tag color="volcano">{t('cases.groups.urgentTag')}</Tag>
          )}
        </Space>
      )}
      onChange={(code: string) => {
        onChange?.(code);
        onPicked?.(code);
      }}
    />
  );
}
