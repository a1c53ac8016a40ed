import { describe, it, expect } from 'vitest';
import { checkUpload, sniffImage, SNIFF_MESSAGES, UPLOAD_LIMITS } from './imageSniff';

const enc = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
const be32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number): number[] => [(n >>> 8) & 255, n & 255];
const le16 = (n: number): number[] => [n & 255, (n >>> 8) & 255];
const le24 = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const le32 = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** PNG signature + IHDR chunk (8-bit RGBA) + a dummy CRC + IEND. */
function png(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...be32(13),
    ...enc('IHDR'),
    ...be32(width),
    ...be32(height),
    8,
    6,
    0,
    0,
    0,
    ...be32(0),
    ...be32(0),
    ...enc('IEND'),
    ...be32(0),
  ]);
}

/** SOI + APP0 (JFIF) + DQT-ish filler segment + SOF (baseline by default) + SOS + EOI. */
function jpeg(width: number, height: number, sof = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, ...be16(16), ...enc('JFIF'), 0, 1, 1, 0, ...be16(72), ...be16(72), 0, 0];
  const dht = [0xff, 0xc4, ...be16(5), 0, 1, 2]; // C4 is DHT, not a frame header: must be skipped
  const frame = [0xff, sof, ...be16(17), 8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const scan = [0xff, 0xda, ...be16(12), 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0, 0x12, 0x34, 0xff, 0xd9];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...dht, ...frame, ...scan]);
}

function gif(width: number, height: number, version = 'GIF89a'): Uint8Array {
  return Uint8Array.from([...enc(version), ...le16(width), ...le16(height), 0xf7, 0, 0, 0x3b]);
}

function riff(chunk: string, payload: number[]): Uint8Array {
  const body = [...enc('WEBP'), ...enc(chunk), ...le32(payload.length), ...payload];
  return Uint8Array.from([...enc('RIFF'), ...le32(body.length), ...body]);
}

function webpLossy(width: number, height: number): Uint8Array {
  return riff('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height), 0, 0, 0, 0]);
}

function webpLossless(width: number, height: number): Uint8Array {
  // 14 bits width - 1, 14 bits height - 1, 1 bit alpha, 3 bits version 0.
  const bits = ((width - 1) | ((height - 1) << 14) | (1 << 28)) >>> 0;
  return riff('VP8L', [0x2f, ...le32(bits), 0, 0, 0]);
}

function webpExtended(width: number, height: number): Uint8Array {
  return riff('VP8X', [0x10, 0, 0, 0, ...le24(width - 1), ...le24(height - 1)]);
}

describe('sniffImage', () => {
  it('reads PNG dimensions from IHDR', () => {
    expect(sniffImage(png(640, 480))).toEqual({ format: 'png', width: 640, height: 480 });
    expect(sniffImage(png(1, 70000))).toEqual({ format: 'png', width: 1, height: 70000 });
  });

  it('reads JPEG dimensions from the first frame header, skipping other segments', () => {
    expect(sniffImage(jpeg(1024, 768))).toEqual({ format: 'jpeg', width: 1024, height: 768 });
    expect(sniffImage(jpeg(300, 200, 0xc2))).toEqual({ format: 'jpeg', width: 300, height: 200 }); // progressive
    // With fill bytes before a marker.
    const filled = jpeg(50, 60);
    const withFill = Uint8Array.from([...filled.subarray(0, 2), 0xff, 0xff, ...filled.subarray(2)]);
    expect(sniffImage(withFill)).toEqual({ format: 'jpeg', width: 50, height: 60 });
  });

  it('reads GIF logical screen dimensions', () => {
    expect(sniffImage(gif(320, 200))).toEqual({ format: 'gif', width: 320, height: 200 });
    expect(sniffImage(gif(7, 65535, 'GIF87a'))).toEqual({ format: 'gif', width: 7, height: 65535 });
  });

  it('reads the three kinds of WebP header', () => {
    expect(sniffImage(webpLossy(550, 368))).toEqual({ format: 'webp', width: 550, height: 368 });
    expect(sniffImage(webpLossless(386, 395))).toEqual({ format: 'webp', width: 386, height: 395 });
    expect(sniffImage(webpLossless(16384, 1))).toEqual({ format: 'webp', width: 16384, height: 1 });
    expect(sniffImage(webpExtended(5000, 3000))).toEqual({ format: 'webp', width: 5000, height: 3000 });
  });

  it('refuses empty files, text, SVG and other formats with clear sentences', () => {
    expect(sniffImage(new Uint8Array(0))).toEqual({ error: 'This file is empty.' });
    expect(sniffImage(Uint8Array.from(enc('Hello, this is a text file renamed to digit.png\n')))).toEqual({
      error: SNIFF_MESSAGES.unknown,
    });
    const svg = Uint8Array.from(enc('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(sniffImage(svg)).toEqual({ error: SNIFF_MESSAGES.svg });
    const xmlSvg = Uint8Array.from(enc('\n<?xml version="1.0"?>\n<svg><script>x()</script></svg>'));
    expect(sniffImage(xmlSvg)).toEqual({ error: SNIFF_MESSAGES.svg });
    const commentedSvg = Uint8Array.from(enc('<!-- Generator: a drawing program -->\n<svg onload="x()"></svg>'));
    expect(sniffImage(commentedSvg)).toEqual({ error: SNIFF_MESSAGES.svg });
    expect(sniffImage(Uint8Array.from([0x42, 0x4d, 1, 2, 3, 4]))).toEqual({ error: SNIFF_MESSAGES.unknown }); // BMP
    expect(SNIFF_MESSAGES.unknown).toMatch(/PNG, JPEG, WebP or GIF/);
  });

  it('refuses truncated headers of every format without throwing', () => {
    const jpegFull = jpeg(10, 12);
    const sofAt = jpegFull.findIndex((v, i) => v === 0xff && jpegFull[i + 1] === 0xc0);
    // [file, bytes needed to read the size, length of the magic number]
    const samples: [Uint8Array, number, number][] = [
      [png(10, 12), 24, 8],
      [jpegFull, sofAt + 2 + 7, 3],
      [gif(10, 12), 10, 6],
      [webpLossy(10, 12), 30, 12],
      [webpLossless(10, 12), 25, 12],
      [webpExtended(10, 12), 30, 12],
    ];
    for (const [full, needed, magic] of samples) {
      for (let cut = magic; cut <= full.length; cut++) {
        const result = sniffImage(full.subarray(0, cut));
        if (cut < needed) expect(result, `cut at ${cut} of ${needed}`).toEqual({ error: SNIFF_MESSAGES.damaged });
        else expect(result).toMatchObject({ width: 10, height: 12 });
      }
    }
  });

  it('refuses damaged headers', () => {
    expect(sniffImage(png(0, 10))).toEqual({ error: SNIFF_MESSAGES.damaged });
    const noIhdr = png(10, 10);
    noIhdr[12] = 0x58;
    expect(sniffImage(noIhdr)).toEqual({ error: SNIFF_MESSAGES.damaged });
    const badStart = webpLossy(10, 10);
    badStart[23] = 0;
    expect(sniffImage(badStart)).toEqual({ error: SNIFF_MESSAGES.damaged });
    const badLossless = webpLossless(10, 10);
    badLossless[20] = 0;
    expect(sniffImage(badLossless)).toEqual({ error: SNIFF_MESSAGES.damaged });
    expect(sniffImage(riff('ABCD', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual({ error: SNIFF_MESSAGES.damaged });
    // A JPEG whose image data starts before any frame header has no size.
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]))).toEqual({ error: SNIFF_MESSAGES.noSize });
    // Garbage where a marker should be.
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2, 0x12, 0x34]))).toEqual({ error: SNIFF_MESSAGES.damaged });
  });
});

describe('checkUpload', () => {
  it('accepts an ordinary picture', () => {
    expect(checkUpload(png(800, 600))).toEqual({ ok: true, format: 'png', width: 800, height: 600 });
    expect(checkUpload(jpeg(4000, 3000))).toEqual({ ok: true, format: 'jpeg', width: 4000, height: 3000 });
  });

  it('refuses a 10,000 x 10,000 PNG before decoding, naming the size found', () => {
    const result = checkUpload(png(10000, 10000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('10000 × 10000 pixels');
    expect(result.message).toContain('4096');
    expect(result).toMatchObject({ code: 'tooWide', params: { width: 10000, height: 10000, maxSide: 4096 } });
  });

  it('refuses too many pixels even when each side is allowed', () => {
    const result = checkUpload(webpExtended(4096, 4000)); // 16.4 million pixels
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('4096 × 4000 pixels');
    expect(result.message).toContain('16 million');
    expect(result).toMatchObject({ code: 'tooManyPixels', params: { pixels: 4096 * 4000, maxPixels: 16_000_000 } });
    expect(checkUpload(webpExtended(4000, 4000)).ok).toBe(true);
  });

  it('refuses a file over the byte limit by its length alone, stating the limit in MB', () => {
    const big = new Uint8Array(UPLOAD_LIMITS.maxBytes + 1); // not even an image: length is checked first
    const result = checkUpload(big);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('10 MB'), code: 'tooLarge', params: { megabytes: 10, limitMegabytes: 10 } });
    const small = checkUpload(png(10, 10), { ...UPLOAD_LIMITS, maxBytes: 20 });
    expect(small.ok).toBe(false);
  });

  it('refuses empty files, text, SVG and damaged headers', () => {
    expect(checkUpload(new Uint8Array(0))).toEqual({ ok: false, message: 'This file is empty.', code: 'empty', params: {} });
    const text = checkUpload(Uint8Array.from(enc('just some text')));
    expect(text).toEqual({ ok: false, message: expect.stringMatching(/PNG, JPEG, WebP or GIF/), code: 'unknown', params: {} });
    const svg = checkUpload(Uint8Array.from(enc('<svg><script>fetch("//evil")</script></svg>')));
    expect(svg).toEqual({ ok: false, message: expect.stringMatching(/PNG, JPEG, WebP or GIF/), code: 'svg', params: {} });
    expect(checkUpload(png(10, 10).subarray(0, 18))).toEqual({ ok: false, message: SNIFF_MESSAGES.damaged, code: 'damaged', params: {} });
  });
});
