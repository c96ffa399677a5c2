// The case's location on the one map component (GeoMap, as on the dashboard map): the case pin and its
// compound, offline unless the server names a tile server. A line under the map says what is drawn.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoMap, type MapCircle } from '../map/GeoMap';

interface Props {
  pin: { lat: number; lng: number } | null;
  compound: { lat: number; lng: number; name: string } | null;
}

export function CaseLocation({ pin, compound }: Props) {
  const { t } = useTranslation();
  const circles = useMemo<MapCircle[]>(() => {
    const out: MapCircle[] = [];
    if (compound)
      out.push({
        key: 'compound',
        layer: 'compounds',
        lat: compound.lat,
        lng: compound.lng,
        radius: 60,
        metres: true,
        color: '#1f5fbf',
        fillOpacity: 0.15,
        tooltip: `${t('cases.map.compound')}：${compound.name}`,
      });
    if (pin)
      out.push({
        key: 'pin',
        layer: 'pins',
        lat: pin.lat,
        lng: pin.lng,
        radius: 7,
        color: '#cf1322',
        fillOpacity: 0.9,
        tooltip: t('cases.map.case'),
      });
    return out;
  }, [pin, compound, t]);
  if (!circles.length) return <p className="case-map-empty">{t('cases.map.none')}</p>;
  const legend = [pin && t('cases.map.pinLegend'), compound && `${t('cases.map.compound')}：${compound.name}`]
    .filter(Boolean)
    .join('；');
  return (
    <figure className="case-map" data-testid="case-map">
      <GeoMap circles={circles} height={240} data-testid="case-geo-map" />
      <figcaption className="muted-code">{legend}</figcaption>
    </figure>
  );
}
