// The dashboard map: compounds coloured by open cases or governance state, case pins, and open cases per
// street as proportional circles at the centre of the street's compound coordinates (the data has no
// boundaries, so none are drawn). Offline unless the server names a tile server.
import { Alert, Card, Checkbox, Flex, Form, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { DivisionFilter } from '../divisions/DivisionFilter';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useMapLayers, useMapSettings, type MapLayersDto } from './api';
import { GeoMap, type MapCircle } from './GeoMap';
import { useScope } from '../kpis/scope';

const FILTER_KEYS = ['district', 'street', 'colour'] as const;
const LAYERS = ['compounds', 'pins', 'streets'] as const;

/** Open cases → colour (green, amber, orange, red). */
export const CASE_BANDS = [
  { key: 'none', max: 0, colour: '#2f9e44' },
  { key: 'few', max: 2, colour: '#f59f00' },
  { key: 'some', max: 5, colour: '#e8590c' },
  { key: 'many', max: Infinity, colour: '#c92a2a' },
] as const;
const caseColour = (n: number) => CASE_BANDS.find((b) => n <= b.max)!.colour;

export const GOV_COLOURS: Record<string, string> = {
  no_assembly: '#868e96',
  forming: '#1c7ed6',
  in_term: '#2f9e44',
  term_expiring: '#f59f00',
  expired: '#c92a2a',
  dysfunctional: '#ae3ec9',
};

function circlesOf(
  data: MapLayersDto,
  colour: 'cases' | 'governance',
  t: (k: string, o?: Record<string, unknown>) => string,
  go: { compound: (id: string) => void; pin: (id: string) => void; street: (code: string) => void },
): MapCircle[] {
  const maxStreet = Math.max(1, ...data.streets.map((s) => s.openCases));
  const streets: MapCircle[] = data.streets.map((s) => ({
    key: `s-${s.code}`,
    layer: 'streets',
    lat: s.lat,
    lng: s.lng,
    // Area proportional to open cases: radius ∝ √n, at most 1.5 km.
    radius: 150 + 1350 * Math.sqrt(s.openCases / maxStreet),
    metres: true,
    color: '#1f5fbf',
    fillOpacity: 0.15,
    tooltip: t('map.streetTooltip', { name: s.name, open: s.openCases, compounds: s.compounds }),
    onClick: () => go.street(s.code),
  }));
  const compounds: MapCircle[] = data.compounds.map((c) => {
    const gov = colour === 'governance' && c.governanceState;
    return {
      key: `c-${c.id}`,
      layer: 'compounds',
      lat: c.lat,
      lng: c.lng,
      radius: 6,
      color: gov ? (GOV_COLOURS[c.governanceState!] ?? '#868e96') : caseColour(c.openCases),
      fillOpacity: 0.75,
      tooltip: gov
        ? t('map.compoundTooltipGov', {
            name: c.name,
            state: t(`gov.states.${c.governanceState}`),
            open: c.openCases,
          })
        : t('map.compoundTooltip', { name: c.name, open: c.openCases }),
      onClick: () => go.compound(c.id),
    };
  });
  const pins: MapCircle[] = data.pins.map((p) => ({
    key: `p-${p.id}`,
    layer: 'pins',
    lat: p.lat,
    lng: p.lng,
    radius: 3,
    color: p.dueState === 'overdue' ? '#c92a2a' : '#364fc7',
    fillOpacity: 1,
    tooltip: t('map.pinTooltip', { caseNo: p.caseNo, title: p.title }),
    onClick: () => go.pin(p.id),
  }));
  return [...streets, ...compounds, ...pins];
}

function Legend({ colour }: { colour: 'cases' | 'governance' }) {
  const { t } = useTranslation();
  const items =
    colour === 'cases'
      ? CASE_BANDS.map((b) => ({ key: b.key, colour: b.colour, label: t(`map.legendCases.${b.key}`) }))
      : Object.entries(GOV_COLOURS).map(([k, c]) => ({ key: k, colour: c, label: t(`gov.states.${k}`) }));
  return (
    <Space wrap size={12} className="map-legend" data-testid="map-legend">
      {items.map((i) => (
        <span key={i.key}>
          <span className="swatch" style={{ background: i.colour }} />
          {i.label}
        </span>
      ))}
    </Space>
  );
}

export function MapPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const scope = useScope();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [layers, setLayers] = useState<string[]>([...LAYERS]);
  const colour = filters.colour === 'governance' ? 'governance' : 'cases';
  const district = scope.district ?? filters.district;
  const street = scope.street ?? filters.street;
  const data = useMapLayers({ district, street });
  const tiles = useMapSettings();
  const circles = useMemo(
    () =>
      data.data
        ? circlesOf(data.data, colour, t, {
            compound: (id) => navigate(`/compounds/${id}`),
            pin: (id) => navigate(`/cases/${id}`),
            street: (code) => setFilters({ district: code.slice(0, 6), street: code }),
          })
        : [],
    [data.data, colour, t, navigate, setFilters],
  );
  const d = data.data;

  return (
    <>
      <PageHeader title={t('map.title')} />
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          {!scope.street && (
            <DivisionFilter
              district={district}
              street={street}
              onChange={(v) => setFilters({ district: scope.district ?? v.district, street: v.street })}
            />
          )}
          <Form.Item label={t('map.colourBy')}>
            <Radio.Group
              value={colour}
              onChange={(e) => setFilters({ colour: e.target.value === 'cases' ? null : e.target.value })}
              optionType="button"
              options={[
                { value: 'cases', label: t('map.byCases') },
                { value: 'governance', label: t('map.byGovernance'), disabled: !can('governance.view') },
              ]}
              data-testid="map-colour"
            />
          </Form.Item>
          <Form.Item label={t('map.layers')}>
            <Checkbox.Group
              value={layers}
              onChange={(v) => setLayers(v as string[])}
              options={[
                { value: 'compounds', label: t('map.layerCompounds') },
                { value: 'pins', label: t('map.layerPins') },
                { value: 'streets', label: t('map.layerStreets') },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>
      {data.error && <QueryError error={data.error} onRetry={() => void data.refetch()} />}
      <Flex vertical gap={8}>
        {d?.truncated.compounds && (
          <Alert type="warning" showIcon title={t('map.truncatedCompounds', { n: d.limits.compounds })} />
        )}
        {d?.truncated.pins && (
          <Alert type="info" showIcon title={t('map.truncatedPins', { n: d.limits.pins })} />
        )}
        {d && d.compounds.length === 0 && <Alert type="info" showIcon title={t('map.empty')} />}
        <GeoMap circles={circles} visible={layers} height={560} data-testid="dashboard-map" />
        <Flex justify="space-between" wrap gap={8}>
          <Legend colour={colour} />
          {tiles.data && !tiles.data.tileUrl && (
            <Typography.Text type="secondary" className="map-legend">
              {t('map.offline')}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </>
  );
}
