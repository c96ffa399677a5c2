// The one map component (Leaflet): the project's own layers as vector circles, a tile layer only when the
// server has a MAP_TILE_URL (offline by default: no request leaves this origin). No marker images are
// fetched — points are circle markers. Used by the dashboard map and the case page.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useMapSettings } from './api';

export interface MapCircle {
  key: string;
  lat: number;
  lng: number;
  /** Radius in pixels (circle marker) — or in metres when `metres` is set (scales with zoom). */
  radius: number;
  metres?: boolean;
  color: string;
  fill?: string;
  fillOpacity?: number;
  /** Plain text shown on hover (escaped by Leaflet's text handling: set as textContent). */
  tooltip: string;
  layer: string;
  onClick?: () => void;
}

interface Props {
  circles: MapCircle[];
  height?: number;
  /** Names of layers to draw (others are hidden). */
  visible?: readonly string[];
  'data-testid'?: string;
}

const SHANGHAI: L.LatLngTuple = [31.23, 121.47];

function tooltipOf(text: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}

export function GeoMap({ circles, height = 420, visible, ...rest }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.FeatureGroup | null>(null);
  const tiles = useMapSettings();
  const tileUrl = tiles.data?.tileUrl ?? null;

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, {
      center: SHANGHAI,
      zoom: 11,
      preferCanvas: false,
      attributionControl: true,
    });
    m.attributionControl.setPrefix(false);
    L.control.scale({ imperial: false }).addTo(m);
    layer.current = L.featureGroup().addTo(m);
    map.current = m;
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !tileUrl) return;
    const t = L.tileLayer(tileUrl, { attribution: tiles.data?.attribution ?? '', maxZoom: 19 }).addTo(m);
    t.bringToBack();
    return () => void t.remove();
  }, [tileUrl, tiles.data?.attribution]);

  const shown = visible?.join('|');
  useEffect(() => {
    const m = map.current;
    const g = layer.current;
    if (!m || !g) return;
    g.clearLayers();
    const show = shown === undefined ? null : new Set(shown.split('|'));
    const drawn = circles.filter((c) => !show || show.has(c.layer));
    for (const c of drawn) {
      const style = {
        color: c.color,
        weight: 1.5,
        fillColor: c.fill ?? c.color,
        fillOpacity: c.fillOpacity ?? 0.6,
        className: `map-${c.layer}`,
      };
      const shape = c.metres
        ? L.circle([c.lat, c.lng], { ...style, radius: c.radius })
        : L.circleMarker([c.lat, c.lng], { ...style, radius: c.radius });
      shape.bindTooltip(tooltipOf(c.tooltip));
      if (c.onClick) shape.on('click', c.onClick);
      shape.addTo(g);
    }
    if (drawn.length) m.fitBounds(g.getBounds(), { padding: [24, 24], maxZoom: 16 });
  }, [circles, shown]);

  return (
    <div
      ref={el}
      className="geo-map"
      style={{ height, width: '100%', background: '#eef2f6', borderRadius: 4 }}
      data-testid={rest['data-testid']}
      data-tiles={tileUrl ? 'on' : 'off'}
    />
  );
}
