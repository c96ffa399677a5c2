// A small offline map: the case pin and the compound marker plotted from their coordinates on a metre
// grid (no tiles, no network), with a scale bar and north arrow.
import { useTranslation } from 'react-i18next';

interface Point {
  lat: number;
  lng: number;
  label: string;
}

interface Props {
  pin: Point | null;
  compound: Point | null;
}

const W = 320;
const H = 220;
const PAD = 40;
const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LNG_EQ = 111_320;
const MIN_SPAN_M = 400;

function niceStep(span: number): number {
  const raw = span / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? raw;
}

export function CaseMap({ pin, compound }: Props) {
  const { t } = useTranslation();
  const points = [pin, compound].filter((p): p is Point => !!p);
  if (!points.length) return <p className="case-map-empty">{t('cases.map.none')}</p>;

  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const lng0 = points.reduce((s, p) => s + p.lng, 0) / points.length;
  const mPerDegLng = M_PER_DEG_LNG_EQ * Math.cos((lat0 * Math.PI) / 180);
  const toM = (p: Point) => ({ x: (p.lng - lng0) * mPerDegLng, y: (p.lat - lat0) * M_PER_DEG_LAT });
  const ms = points.map(toM);
  const maxX = Math.max(...ms.map((m) => Math.abs(m.x)));
  const maxY = Math.max(...ms.map((m) => Math.abs(m.y)));
  const scale = Math.min(
    (H - 2 * PAD) / MIN_SPAN_M,
    maxX > 0 ? (W / 2 - PAD) / maxX : Infinity,
    maxY > 0 ? (H / 2 - PAD) / maxY : Infinity,
  ); // px per metre
  const xy = (p: Point) => {
    const m = toM(p);
    return { x: W / 2 + m.x * scale, y: H / 2 - m.y * scale };
  };
  const step = niceStep((H - 2 * PAD) / scale);
  const lines: number[] = [];
  for (let v = -Math.ceil(W / scale / step) * step; v <= W / scale; v += step) lines.push(v);
  const bar = step * scale;

  const description = [
    pin && `${t('cases.map.case')} ${pin.lat.toFixed(5)}, ${pin.lng.toFixed(5)}`,
    compound && `${t('cases.map.compound')} ${compound.label}`,
  ]
    .filter(Boolean)
    .join('；');

  return (
    <figure className="case-map" data-testid="case-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('cases.map.title')}：${description}`}>
        <rect x={0} y={0} width={W} height={H} fill="#f4f6f9" />
        {lines.map((v) => (
          <g key={v} stroke="#e0e5ec" strokeWidth={1}>
            <line x1={W / 2 + v * scale} y1={0} x2={W / 2 + v * scale} y2={H} />
            <line x1={0} y1={H / 2 + v * scale} x2={W} y2={H / 2 + v * scale} />
          </g>
        ))}
        {compound &&
          (() => {
            const c = xy(compound);
            return (
              <g>
                <circle
                  cx={c.x}
                  cy={c.y}
                  r={26}
                  fill="rgba(31,95,191,0.10)"
                  stroke="#1f5fbf"
                  strokeDasharray="3 3"
                />
                <rect x={c.x - 7} y={c.y - 7} width={14} height={14} rx={2} fill="#1f5fbf" />
                <text
                  x={c.x > W * 0.6 ? c.x - 30 : c.x + 30}
                  y={c.y + 4}
                  fontSize={12}
                  fill="#1f3a66"
                  textAnchor={c.x > W * 0.6 ? 'end' : 'start'}
                >
                  {compound.label}
                </text>
              </g>
            );
          })()}
        {pin &&
          (() => {
            const c = xy(pin);
            return (
              <g>
                <path
                  d={`M ${c.x} ${c.y} l -8 -14 a 9.5 9.5 0 1 1 16 0 z`}
                  fill="#cf1322"
                  stroke="#fff"
                  strokeWidth={1.5}
                />
                <circle cx={c.x} cy={c.y - 19} r={3.5} fill="#fff" />
                <text x={c.x + 12} y={c.y - 18} fontSize={12} fill="#a8071a" fontWeight={600}>
                  {pin.label}
                </text>
              </g>
            );
          })()}
        <g transform={`translate(${W - 22}, 26)`} fill="#4a5565">
          <path d="M 0 -14 L 6 4 L 0 0 L -6 4 Z" />
          <text y={16} fontSize={11} textAnchor="middle">
            N
          </text>
        </g>
        <g transform={`translate(12, ${H - 14})`} stroke="#4a5565" fill="#4a5565">
          <line x1={0} y1={0} x2={bar} y2={0} strokeWidth={2} />
          <line x1={0} y1={-4} x2={0} y2={4} />
          <line x1={bar} y1={-4} x2={bar} y2={4} />
          <text x={bar + 6} y={4} fontSize={11} stroke="none">
            {step >= 1000 ? `${step / 1000} km` : `${step} m`}
          </text>
        </g>
      </svg>
      <figcaption className="muted-code">{description}</figcaption>
    </figure>
  );
}
