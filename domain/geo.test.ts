import { describe, expect, it } from 'vitest';
import { boundingBox, distanceM } from './geo.js';

describe('geo', () => {
  it('measures great-circle distances', () => {
    // 人民广场 → 陆家嘴 is about 3.5 km; one degree of latitude about 111.2 km.
    const d = distanceM({ lat: 31.2304, lng: 121.4737 }, { lat: 31.2397, lng: 121.4998 });
    expect(d).toBeGreaterThan(2_500);
    expect(d).toBeLessThan(2_700);
    expect(Math.round(distanceM({ lat: 31, lng: 121 }, { lat: 32, lng: 121 }) / 100)).toBe(1112);
    expect(distanceM({ lat: 31.2, lng: 121.5 }, { lat: 31.2, lng: 121.5 })).toBe(0);
  });

  it('bounds a radius: the box corners are farther than the radius, its edge midpoints at it', () => {
    const p = { lat: 31.2, lng: 121.5 };
    const box = boundingBox(p, 2_000);
    expect(Math.round(distanceM(p, { lat: box.north, lng: p.lng }))).toBe(2_000);
    expect(Math.round(distanceM(p, { lat: p.lat, lng: box.east }))).toBeGreaterThanOrEqual(1_999);
    expect(distanceM(p, { lat: box.north, lng: box.east })).toBeGreaterThan(2_000);
  });
});
