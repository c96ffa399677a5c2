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

  const photoBytes = async (url: string) => {
    const res = await huamu.request({ method: 'GET', url });
    return { type: res.headers['content-type'], body: res.rawPayload };
  };

  it('refuses HTML declared as image/png with 422 and stores nothing; stores a PNG declared as JPEG as PNG', async () => {
    const id = await newCase();
    const before = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const zh = await comment(id, [dataUrl('image/jpeg', jpeg(1000)), dataUrl('image/png', html)]);
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({
      code: 'cases.photo_not_image',
      message: '第 2 张照片不是有效的 PNG、JPEG 或 WebP 图片',
    });
    const en = await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      headers: { 'accept-language': 'en' },
      payload: {
        action: 'comment',
        note: 'x',
        version: before.version,
        photos: [dataUrl('image/png', html)],
      },
    });
    expect(en.json().error.message).toBe('Photo 1 is not a valid PNG, JPEG or WebP picture');
    const after = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    expect(after.version).toBe(before.version);
    expect(after.photos).toEqual([]);

    const ok = await comment(id, [dataUrl('image/jpeg', PNG_1PX)]);
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = await photoBytes(ok.json().photos[0].url);
    expect(stored.type).toBe('image/png');
    expect(stored.body.equals(PNG_1PX)).toBe(true);
  });

  it('strips the EXIF block (GPS position) from a JPEG and keeps the picture', async () => {
    const payload = Buffer.from('Exif\0\0MM\0*GPSLatitude 31.2N GPSLongitude 121.5E', 'latin1');
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, payload.length + 2]), payload]);
    const original = jpeg(5000, [exif]);
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: {
        categoryCode: 'repair.urgent.water_burst',
        description: '楼道漏水很严重',
        compoundId,
        phone: '13812345678',
        photos: [dataUrl('image/jpeg', original)],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    const stored = await photoBytes(view.photos[0].url);
    expect(stored.type).toBe('image/jpeg');
    expect(stored.body.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(stored.body.length).toBe(original.length - exif.length);
    expect(
      Buffer.concat([stored.body.subarray(0, 20), exif, stored.body.subarray(20)]).equals(original),
    ).toBe(true);
  });
});

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
