import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganisationSearch } from './search';
import { OrgTypeTag } from './tags';

export interface OrgOption {
  id: string;
  name: string;
  type: string;
}

interface Props {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  /** Organisations to offer before any search (the suggested lead, current co-handlers). */
  known?: OrgOption[];
  testId?: string;
}

/** An organisation picker searching /api/v1/organisations?q= as the user types. */
export function OrgSelect({ id, value, onChange, multiple, known = [], testId }: Props) {
  const { t } = useTranslation();
  const [debounced, setDebounced] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = useOrganisationSearch(debounced);
  // Remember every organisation seen, so chosen values keep their names after the search changes.
  const [seen, setSeen] = useState<Map<string, OrgOption>>(new Map());
  const found = search.data;
  useEffect(() => {
    if (!found?.length) return;
    setSeen((prev) => {
      const next = new Map(prev);
      for (const o of found) next.set(o.id, { id: o.id, name: o.name, type: o.type });
      return next;
    });
  }, [found]);

  const options = useMemo(() => {
    const all = new Map<string, OrgOption>();
    for (const o of known) all.set(o.id, o);
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    for (const v of chosen) {
      const o = seen.get(v);
      if (o && !all.has(v)) all.set(v, o);
    }
    for (const o of found ?? []) all.set(o.id, { id: o.id, name: o.name, type: o.type });
    return [...all.values()].map((o) => ({
      value: o.id,
      label: o.name,
      title: o.name,
      type: o.type,
    }));
  }, [known, value, seen, found]);

  return (
    <Select
      id={id}
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setDebounced(text.trim()), 250);
        },
      }}
      loading={search.isFetching}
      placeholder={t('cases.orgPlaceholder')}
      notFoundContent={search.isFetching ? t('common.loading') : t('cases.orgNone')}
      options={options}
      optionRender={(option) => (
        <Space size={6}>
          <span>{option.label}</span>
          <OrgTypeTag type={String(option.data.type)} />
        </Space>
      )}
      style={{ width: '100%' }}
    />
  );
}
