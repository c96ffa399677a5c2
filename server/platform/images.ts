// Uploaded pictures: what the bytes really are (magic numbers, whatever the client declared), and the
// metadata a phone writes into them (EXIF with the GPS position, XMP, text chunks) removed by hand — the
// container formats make this a matter of dropping whole segments/chunks, the pixels are not touched.
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type the bytes start with, or null when they are not PNG, JPEG or WebP. */
export function sniffImage(bytes: Buffer): ImageType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/**
 * The picture without its metadata, or null when the container is malformed. JPEG: APP1 (EXIF, XMP), APP13
 * (IPTC), comments and anything after the end marker dropped; PNG: eXIf, tEXt, zTXt, iTXt, tIME dropped; WebP: EXIF and XMP chunks dropped
 * (and their VP8X flags cleared). Colour profiles and everything needed to draw the picture stay.
 */
export function stripImageMetadata(type: ImageType, bytes: Buffer): Buffer | null {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}

const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe]); // APP1, APP13, COM

function stripJpeg(b: Buffer): Buffer | null {
  const kept: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    let marker = b[i + 1];
    let start = i;
    while (marker === 0xff) {
      start += 1; // fill bytes before a marker
      marker = b[start + 1];
    }
    if (marker === undefined) return null;
    if (marker === 0xd9) return Buffer.concat([...kept, b.subarray(start, start + 2)]); // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(b.subarray(start, start + 2));
      i = start + 2;
      continue;
    }
    if (start + 4 > b.length) return null;
    const end = start + 2 + b.readUInt16BE(start + 2);
    if (end > b.length || end < start + 4) return null;
    if (!JPEG_DROPPED.has(marker)) kept.push(b.subarray(start, end));
    i = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker (FF not followed by 00 or a restart marker).
      const next = nextMarker(b, end);
      if (next < 0) return null;
      kept.push(b.subarray(end, next));
      i = next;
    }
  }
  return null; // no EOI: what follows it (appended previews with their own EXIF) is never kept
}

function nextMarker(b: Buffer, from: number): number {
  for (let j = b.indexOf(0xff, from); j >= 0 && j + 1 < b.length; j = b.indexOf(0xff, j + 1)) {
    const m = b[j + 1];
    if (m !== 0x00 && m !== 0xff && !(m >= 0xd0 && m <= 0xd7)) return j;
  }
  return -1;
}

const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function stripPng(b: Buffer): Buffer | null {
  const kept: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const end = i + 12 + b.readUInt32BE(i);
    if (end > b.length) return null;
    const type = b.toString('latin1', i + 4, i + 8);
    if (!PNG_DROPPED.has(type)) kept.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return null;
}

const WEBP_DROPPED = new Set(['EXIF', 'XMP ']);

function stripWebp(b: Buffer): Buffer | null {
  const kept: Buffer[] = [];
  let i = 12;
  const riffEnd = Math.min(b.length, 8 + b.readUInt32LE(4));
  while (i + 8 <= riffEnd) {
    const size = b.readUInt32LE(i + 4);
    const end = i + 8 + size + (size % 2);
    if (end > riffEnd + (size % 2)) return null;
    const fourcc = b.toString('latin1', i, i + 4);
    if (!WEBP_DROPPED.has(fourcc)) {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, b.length)));
      if (fourcc === 'VP8X' && chunk.length > 8) chunk[8] &= ~0x0c; // no EXIF (0x08), no XMP (0x04)
      kept.push(chunk);
    }
    i = end;
  }
  if (kept.length === 0) return null;
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
