// Evidence photos: the body limit of the routes that carry them, and what is accepted as a photo.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

/** A JPEG of about `size` bytes: SOI, JFIF APP0, optional extra segments, one scan of noise, EOI. */
export function jpeg(size: number, extraSegments: Buffer[] = []): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00,
  ]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  const scan = randomBytes(Math.max(0, size - 40));
  for (let i = 0; i < scan.length; i++) if (scan[i] === 0xff) scan[i] = 0x00;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app0,
    ...extraSegments,
    sos,
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

describe.each(DB_KINDS)('case photos (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let compoundId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t.close());

  const newCase = async () => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      payload: { categoryCode: 'repair.urgent.water_burst', description: '地下室水管爆裂', compoundId },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  const comment = async (id: string, photos: string[]) => {
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    return huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { action: 'comment', note: '现场照片', version: view.version, photos },
    });
  };

  it('accepts what the contract allows on a case action: two 800 KB phone pictures, three of 1.5 MB', async () => {
    const id = await newCase();
    const two = await comment(id, [
      dataUrl('image/jpeg', jpeg(800_000)),
      dataUrl('image/jpeg', jpeg(800_000)),
    ]);
    expect(two.statusCode, two.body.slice(0, 200)).toBe(200);
    expect(two.json().photos).toHaveLength(2);
    const three = await comment(
      id,
      [1, 2, 3].map(() => dataUrl('image/jpeg', jpeg(1_500_000))),
    );
    expect(three.statusCode, three.body.slice(0, 200)).toBe(200);
    expect(three.json().photos).toHaveLength(5);
    const tooBig = await comment(id, [dataUrl('image/jpeg', jpeg(1_500_010))]);
    expect(tooBig.statusCode).toBe(400);
  });

  it('keeps the default body limit on routes without photos', async () => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      payload: { categoryCode: 'repair.urgent.water_burst', description: 'x'.repeat(2_200_000), compoundId },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('common.payload_too_large');
  });
});
