import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffImage, stripImageMetadata } from './images.js';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const pngChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
};
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ihdr = pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
const idat = pngChunk('IDAT', deflateSync(Buffer.from([0, 0])));
const iend = pngChunk('IEND', Buffer.alloc(0));

const webpChunk = (fourcc: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};
const riff = (chunks: Buffer[]) => {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
};

describe('images', () => {
  it('tells PNG, JPEG and WebP by their bytes, and nothing else', () => {
    expect(sniffImage(Buffer.concat([PNG_SIG, ihdr]))).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(riff([webpChunk('VP8L', Buffer.alloc(5))]))).toBe('image/webp');
    expect(sniffImage(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });

  it('drops PNG text, time and eXIf chunks, keeps the rest byte for byte', () => {
    const clean = Buffer.concat([PNG_SIG, ihdr, idat, iend]);
    const tagged = Buffer.concat([
      PNG_SIG,
      ihdr,
      pngChunk('tEXt', Buffer.from('GPS\0Shanghai 31.2N')),
      pngChunk('eXIf', Buffer.from('MM\0*GPS')),
      idat,
      pngChunk('tIME', Buffer.alloc(7)),
      iend,
    ]);
    expect(stripImageMetadata('image/png', tagged)?.equals(clean)).toBe(true);
    expect(stripImageMetadata('image/png', tagged.subarray(0, 40))).toBeNull(); // cut short
  });

  it('drops WebP EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c | 0x10; // EXIF + XMP + alpha
    const image = webpChunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0]));
    const tagged = riff([
      webpChunk('VP8X', vp8x),
      image,
      webpChunk('EXIF', Buffer.from('MM\0*GPS!!')),
      webpChunk('XMP ', Buffer.from('<x/>')),
    ]);
    const cleanFlags = Buffer.from(vp8x);
    cleanFlags[0] = 0x10;
    expect(
      stripImageMetadata('image/webp', tagged)?.equals(riff([webpChunk('VP8X', cleanFlags), image])),
    ).toBe(true);
  });

  it('walks JPEG scans (progressive: tables between scans) and drops what follows the end marker', () => {
    const seg = (marker: number, data: Buffer) =>
      Buffer.concat([Buffer.from([0xff, marker, 0, data.length + 2]), data]);
    const sos = seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
    const scan1 = Buffer.from([1, 2, 0xff, 0x00, 3, 0xff, 0xd0, 4]); // stuffed FF and a restart marker
    const dht = seg(0xc4, Buffer.alloc(20, 1));
    const scan2 = Buffer.from([5, 6, 7]);
    const picture = [
      seg(0xe0, Buffer.from('JFIF\0\x01\x01')),
      seg(0xdb, Buffer.alloc(65, 2)),
      sos,
      scan1,
      dht,
      sos,
      scan2,
    ];
    const soi = Buffer.from([0xff, 0xd8]);
    const eoi = Buffer.from([0xff, 0xd9]);
    const tagged = Buffer.concat([
      soi,
      seg(0xe1, Buffer.from('Exif\0\0GPS')),
      ...picture,
      seg(0xfe, Buffer.from('comment')),
      eoi,
      Buffer.from('trailing preview Exif GPS'),
    ]);
    // The comment after the last scan goes too; the picture stays byte for byte.
    expect(stripImageMetadata('image/jpeg', tagged)?.equals(Buffer.concat([soi, ...picture, eoi]))).toBe(
      true,
    );
    expect(stripImageMetadata('image/jpeg', Buffer.concat([soi, ...picture]))).toBeNull(); // no EOI
    expect(stripImageMetadata('image/jpeg', Buffer.from([0xff, 0xd8, 0x12, 0x34]))).toBeNull();
  });
});
