import { useEffect, useRef, useState } from 'react';
import { Alert, Button, List, Select, Space, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNearbyCompounds, usePublicCompoundSearch, type PublicCompound } from './api';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, compound?: PublicCompound) => void;
  testId: string;
}

/** Names repeat across the city, so a compound is always shown with its district and street. */
export const compoundLabel = (c: PublicCompound) =>
  `${c.name}（${[c.districtName, c.streetName].filter(Boolean).join(' ')}）`;

type Locating = 'idle' | 'asking' | 'denied' | 'unavailable';

/**
 * The resident names the compound: by typing part of its name, or from the compounds nearest to the phone
 * (the browser asks permission first). Public directory only: names and streets.
 */
export function CompoundPicker({ id, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = usePublicCompoundSearch(q);
  const [chosen, setChosen] = useState<PublicCompound | undefined>(undefined);
  const [here, setHere] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState<Locating>('idle');
  const nearby = useNearbyCompounds(here);
  const distance = (m: number) =>
    m < 1000 ? t('report.metres', { n: m }) : t('report.kilometres', { n: (m / 1000).toFixed(1) });

  const items = search.data ?? [];
  const all = chosen && !items.some((c) => c.id === chosen.id) ? [chosen, ...items] : items;
  const pick = (c: PublicCompound | undefined) => {
    setChosen(c);
    onChange?.(c?.id, c);
    if (c) setHere(null);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('unavailable');
    setLocating('asking');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating('idle');
        setHere({ lat: p.coords.latitude, lng: p.coords.longitude });
      },
      (err) => setLocating(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
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
        placeholder={t('report.compoundPlaceholder')}
        notFoundContent={
          q.length >= 2 && !search.isFetching ? t('report.compoundNone') : t('report.compoundType')
        }
        options={all.map((c) => ({ value: c.id, label: compoundLabel(c) }))}
        onChange={(v: string | undefined) => pick(all.find((c) => c.id === v))}
      />
      {!value && (
        <Button
          icon={<AimOutlined />}
          onClick={locate}
          loading={locating === 'asking' || nearby.isFetching}
          data-testid={`${testId}-nearby`}
          block
        >
          {t('report.nearby')}
        </Button>
      )}
      {(locating === 'denied' || locating === 'unavailable') && (
        <Alert type="info" showIcon title={t(`report.locate.${locating}`)} />
      )}
      {here && nearby.data && !value && (
        <List
          bordered
          size="small"
          data-testid={`${testId}-nearby-list`}
          locale={{ emptyText: t('report.nearbyNone') }}
          dataSource={nearby.data}
          renderItem={(c) => (
            <List.Item
              key={c.id}
              onClick={() => pick(c)}
              className="nearby-item"
              actions={[
                <Button key="pick" type="link" onClick={() => pick(c)}>
                  {t('report.pickThis')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={c.name}
                description={
                  <Typography.Text type="secondary">
                    {[c.streetName, c.distanceM !== null ? distance(c.distanceM) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
