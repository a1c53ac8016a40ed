/**
 * Recognising an uploaded image by its first bytes and reading its size from the header,
 * without decoding it, so oversized or unsupported files are refused before any decoder runs.
 */

/** The image formats ConvLens accepts. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** What the header says: the format and the size in pixels (both >= 1). */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

/** Limits an upload must respect: file size in bytes, longer side and pixel count. */
export interface UploadLimits {
  readonly maxBytes: number;
  readonly maxSide: number;
  readonly maxPixels: number;
}

/** Default limits: 10 MB, 4096 pixels on a side, 16 million pixels. */
export const UPLOAD_LIMITS: UploadLimits = { maxBytes: 10 * 1024 * 1024, maxSide: 4096, maxPixels: 16_000_000 };

/** User-facing messages (plain English sentences); the UI translates them by their key. */
export const SNIFF_MESSAGES = {
  empty: 'This file is empty.',
  unknown: 'This file is not a PNG, JPEG, WebP or GIF image. Only those four formats are accepted.',
  svg: 'This file is an SVG drawing. Only PNG, JPEG, WebP or GIF images are accepted.',
  damaged: 'The image header is damaged, so the picture cannot be read.',
  noSize: 'The image header does not give the picture’s size, so it cannot be read.',
} as const;

/** Why an upload was refused, as a key for the UI's message catalogue. */
export type UploadProblemCode = keyof typeof SNIFF_MESSAGES | 'tooLarge' | 'tooWide' | 'tooManyPixels';

/** A refusal: the English sentence, its code, and the numbers it names (sizes in bytes or pixels). */
export interface UploadRefusal {
  readonly ok: false;
  readonly message: string;
  readonly code: UploadProblemCode;
  readonly params: Readonly<Record<string, number>>;
}

function sniffCode(message: string): keyof typeof SNIFF_MESSAGES {
  const entry = Object.entries(SNIFF_MESSAGES).find(([, m]) => m === message);
  return (entry?.[0] ?? 'damaged') as keyof typeof SNIFF_MESSAGES;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, expected: readonly number[], at = 0): boolean {
  if (bytes.length < at + expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

const u16be = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number): number => b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const u32le = (b: Uint8Array, at: number): number => b[at + 3] * 0x1000000 + ((b[at + 2] << 16) | (b[at + 1] << 8) | b[at]);

type Sniffed = ImageHeader | { error: string };

function sized(format: ImageFormat, width: number, height: number): Sniffed {
  return width >= 1 && height >= 1 ? { format, width, height } : { error: SNIFF_MESSAGES.damaged };
}

/** PNG: signature, then the IHDR chunk; width and height are big-endian at bytes 16..23. */
function sniffPng(b: Uint8Array): Sniffed {
  if (b.length < 24 || !startsWith(b, ascii('IHDR'), 12)) return { error: SNIFF_MESSAGES.damaged };
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  // The PNG specification caps both at 2^31 - 1.
  if (width > 0x7fffffff || height > 0x7fffffff) return { error: SNIFF_MESSAGES.damaged };
  return sized('png', width, height);
}

/**
 * JPEG: walks the marker segments after SOI up to the first start-of-frame (SOF0..SOF15
 * except DHT C4, JPG C8 and DAC CC), which holds precision, height and width (big-endian).
 */
function sniffJpeg(b: Uint8Array): Sniffed {
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) return { error: SNIFF_MESSAGES.damaged };
    while (at < b.length && b[at] === 0xff) at++; // fill bytes
    if (at >= b.length) break;
    const marker = b[at];
    at++;
    // Markers without a length: TEM, RST0..7, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    // Image data or the end before any frame header: there is no size to read.
    if (marker === 0xda || marker === 0xd9) return { error: SNIFF_MESSAGES.noSize };
    if (at + 2 > b.length) break;
    const length = u16be(b, at);
    if (length < 2) return { error: SNIFF_MESSAGES.damaged };
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7 || at + 7 > b.length) break;
      const height = u16be(b, at + 3);
      const width = u16be(b, at + 5);
      // A height of 0 means "given later" (DNL marker), which browsers do not support.
      if (height === 0) return { error: SNIFF_MESSAGES.noSize };
      return sized('jpeg', width, height);
    }
    at += length;
  }
  return { error: SNIFF_MESSAGES.damaged };
}

/** GIF: the logical screen width and height, little-endian at bytes 6..9. */
function sniffGif(b: Uint8Array): Sniffed {
  if (b.length < 10) return { error: SNIFF_MESSAGES.damaged };
  return sized('gif', u16le(b, 6), u16le(b, 8));
}

/**
 * WebP: a RIFF container whose first chunk (at byte 12, data from byte 20) is
 * - `VP8 ` (lossy): 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height,
 *   little-endian, at bytes 26 and 28;
 * - `VP8L` (lossless): signature 0x2F, then width - 1 and height - 1 as two 14-bit fields
 *   packed little-endian into bytes 21..24;
 * - `VP8X` (extended): flags, 3 reserved bytes, then 24-bit width - 1 and height - 1,
 *   little-endian, at bytes 24..29.
 */
function sniffWebp(b: Uint8Array): Sniffed {
  if (b.length < 20) return { error: SNIFF_MESSAGES.damaged };
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
  switch (chunk) {
    case 'VP8 ':
      if (b.length < 30 || !startsWith(b, [0x9d, 0x01, 0x2a], 23)) return { error: SNIFF_MESSAGES.damaged };
      return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    case 'VP8L': {
      if (b.length < 25 || b[20] !== 0x2f) return { error: SNIFF_MESSAGES.damaged };
      const bits = u32le(b, 21);
      return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case 'VP8X':
      if (b.length < 30) return { error: SNIFF_MESSAGES.damaged };
      return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
    default:
      return { error: SNIFF_MESSAGES.damaged };
  }
}

/**
 * Whether the bytes look like an SVG/XML text document (after an optional BOM and spaces):
 * starting with <svg, or with an XML declaration, doctype or comment (as editors write them)
 * followed by <svg.
 */
function looksLikeSvg(b: Uint8Array): boolean {
  let at = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < b.length && (b[at] === 0x20 || b[at] === 0x09 || b[at] === 0x0a || b[at] === 0x0d)) at++;
  const head = String.fromCharCode(...b.subarray(at, at + 512)).toLowerCase();
  return head.startsWith('<svg') || ((head.startsWith('<?xml') || head.startsWith('<!doctype') || head.startsWith('<!--')) && head.includes('<svg'));
}

/**
 * Recognises an image file by its magic bytes and reads its dimensions from the header,
 * without decoding. Never throws: truncated or inconsistent headers give an error.
 *
 * @param bytes the file's bytes from its start (the first few hundred are enough except for
 *   JPEG, whose size sits after its metadata segments)
 * @returns `{ format, width, height }` (pixels, both >= 1), or `{ error }`: a sentence to
 *   show the user (see {@link SNIFF_MESSAGES})
 */
export function sniffImage(bytes: Uint8Array): ImageHeader | { error: string } {
  if (bytes.length === 0) return { error: SNIFF_MESSAGES.empty };
  if (startsWith(bytes, PNG_SIGNATURE)) return sniffPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return sniffJpeg(bytes);
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return sniffGif(bytes);
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return sniffWebp(bytes);
  if (looksLikeSvg(bytes)) return { error: SNIFF_MESSAGES.svg };
  return { error: SNIFF_MESSAGES.unknown };
}

/** A byte count in MB (1 MB = 1024 x 1024 bytes), with at most one decimal. */
export function megabytesOf(bytes: number): number {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
}

function megabytes(bytes: number): string {
  return `${megabytesOf(bytes)} MB`;
}

/** A pixel count in words: "16 million", "2.5 million", or the plain number below a million. */
function pixelCount(n: number): string {
  if (n < 1_000_000) return String(n);
  return `${Math.round(n / 100_000) / 10} million`;
}

/**
 * Decides, before any decoding, whether an uploaded file may be decoded: refuses empty
 * files, files over `limits.maxBytes`, formats other than PNG, JPEG, WebP and GIF (SVG and
 * text included), damaged headers, and pictures over `limits.maxSide` pixels on a side or
 * `limits.maxPixels` pixels in total.
 *
 * @param bytes the whole file
 * @param limits size limits (default {@link UPLOAD_LIMITS})
 * @returns `{ ok: true, format, width, height }` or an {@link UploadRefusal}: a sentence for
 *   the user that names the limit (and, for dimensions, the size found, e.g.
 *   "10000 × 10000 pixels"), with its code and numbers for translation
 */
export function checkUpload(bytes: Uint8Array, limits: UploadLimits = UPLOAD_LIMITS): ({ ok: true } & ImageHeader) | UploadRefusal {
  if (bytes.length === 0) return { ok: false, message: SNIFF_MESSAGES.empty, code: 'empty', params: {} };
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      message: `This file is ${megabytes(bytes.length)}, more than the ${megabytes(limits.maxBytes)} limit. Please choose a smaller image.`,
      code: 'tooLarge',
      params: { megabytes: megabytesOf(bytes.length), limitMegabytes: megabytesOf(limits.maxBytes) },
    };
  }
  const header = sniffImage(bytes);
  if ('error' in header) return { ok: false, message: header.error, code: sniffCode(header.error), params: {} };
  const { width, height } = header;
  const found = `This image is ${width} × ${height} pixels`;
  if (width > limits.maxSide || height > limits.maxSide) {
    return {
      ok: false,
      message: `${found}; images may be at most ${limits.maxSide} pixels wide and high.`,
      code: 'tooWide',
      params: { width, height, maxSide: limits.maxSide },
    };
  }
  if (width * height > limits.maxPixels) {
    return {
      ok: false,
      message: `${found} (${pixelCount(width * height)} pixels); the limit is ${pixelCount(limits.maxPixels)} pixels.`,
      code: 'tooManyPixels',
      params: { width, height, pixels: width * height, maxPixels: limits.maxPixels },
    };
  }
  return { ok: true, ...header };
}
