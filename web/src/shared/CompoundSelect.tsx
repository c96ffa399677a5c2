import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompoundListItemDto } from '../api/types';
import { useCompoundSearch } from './search';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, compound: CompoundListItemDto | undefined) => void;
  testId?: string;
}

/** Compound search (/api/v1/compounds?q=): names repeat across the city, so each option shows its street. */
export function CompoundSelect({ id, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = useCompoundSearch(q);
  const [chosen, setChosen] = useState<CompoundListItemDto | undefined>(undefined);
  const items = search.data ?? [];
  const all = chosen && !items.some((c) => c.id === chosen.id) ? [chosen, ...items] : items;

  return (
    <Select
      id={id}
      data-testid={testId}
      allowClear
      value={value}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQ(text.trim()), 250);
        },
      }}
      loading={search.isFetching}
      placeholder={t('cases.intake.compoundPlaceholder')}
      notFoundContent={
        q
          ? search.isFetching
            ? t('common.loading')
            : t('cases.intake.compoundNone')
          : t('cases.intake.compoundType')
      }
      options={all.map((c) => ({
        value: c.id,
        label: `${c.name} · ${c.streetName}`,
        title: `${c.name} · ${c.districtName}${c.streetName} · ${c.address}`,
        address: c.address,
      }))}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          <div className="muted-code">{String(option.data.address)}</div>
        </div>
      )}
      onChange={(v?: string) => {
        const c = all.find((x) => x.id === v);
        setChosen(c);
        onChange?.(v, c);
      }}
      style={{ width: '100%' }}
    />
  );
}
