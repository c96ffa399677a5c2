import { describe, expect, it } from 'vitest';
import { triggerFrom } from './governance.common.js';

const row = (delivered_on: string | null, area: number, sold_area: number, sold_units: number) => ({
  compound_id: 'c',
  delivered_on,
  area,
  sold_area,
  sold_units,
});

describe('the assembly trigger from registry rows (《规定》 Art 13 ¶2)', () => {
  it('counts the two years from the first unit sold and delivered, not from a developer-held delivery', () => {
    const rows = [
      row('2020-03-01', 10_000, 0, 0), // delivered, still the developer's
      row('2021-06-15', 10_000, 10_000, 1), // the first sale and delivery
      row(null, 80_000, 0, 0),
    ];
    const { result, firstDeliveryOn } = triggerFrom(rows, null, '2023-06-14');
    expect(firstDeliveryOn).toBe('2021-06-15');
    expect(result).toMatchObject({ met: false, twoYearsOn: '2023-06-15' });
    expect(triggerFrom(rows, null, '2023-06-15').result).toMatchObject({ met: true, kind: 'two_years' });
  });

  it('a sold unit with no recorded area still starts the two years', () => {
    const { firstDeliveryOn } = triggerFrom(
      [row('2022-01-10', 0, 0, 1), row(null, 50_000, 0, 0)],
      null,
      '2022-02-01',
    );
    expect(firstDeliveryOn).toBe('2022-01-10');
  });

  it('a first-delivery date on the compound record wins', () => {
    expect(triggerFrom([row('2021-06-15', 10, 10, 1)], '2019-01-01', '2020-01-01').firstDeliveryOn).toBe(
      '2019-01-01',
    );
  });
});
