import type { Stroke } from '../core/stroke';

/**
 * Drawings in links. Pen positions and brush sizes are kept on a grid of 1/1024 of the pad's
 * side (a quarter of a screen pixel on the pad), both in the live state and in the link, so
 * a drawing opened from a link is exactly the drawing that was shared.
 *
 * Binary layout (then base64url without padding):
 *   version (varint, 1) · stroke count (varint) · per stroke: brush size in grid units
 *   (varint) · point count (varint, >= 1) · first point x, y (varints) · each further point as
 *   zigzag deltas dx, dy (varints).
 * A pen moves a few grid units between pointer events, so most deltas take one byte.
 */

/** Grid units per pad side. */
export const STROKE_GRID = 1024;
/** Limits a decoded drawing must respect (an ordinary digit uses a few strokes of ~100 points). */
export const DRAWING_LIMITS = Object.freeze({ strokes: 64, points: 4000, minSize: 0.01, maxSize: 0.25 });

const VERSION = 1;

/** Rounds a pad coordinate (0..1, clamped) to the stroke grid. */
export function quantiseCoordinate(v: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
  return Math.round(clamped * STROKE_GRID) / STROKE_GRID;
}

/** A point on the stroke grid. */
export function quantisePoint(point: readonly [number, number]): readonly [number, number] {
  return [quantiseCoordinate(point[0]), quantiseCoordinate(point[1])];
}

/** A brush size on the stroke grid, within {@link DRAWING_LIMITS}. */
export function quantiseSize(size: number): number {
  const clamped = Math.min(DRAWING_LIMITS.maxSize, Math.max(DRAWING_LIMITS.minSize, Number.isFinite(size) ? size : DRAWING_LIMITS.minSize));
  return Math.round(clamped * STROKE_GRID) / STROKE_GRID;
}

/** A stroke with its size and every point on the stroke grid. */
export function quantiseStroke(stroke: Stroke): Stroke {
  return { size: quantiseSize(stroke.size), points: stroke.points.map(quantisePoint) };
}

function pushVarint(out: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += BASE64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): number[] | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    buffer = ((buffer << 6) | BASE64URL.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/**
 * Encodes strokes (coordinates 0..1, brush size as a fraction of the side) as a base64url
 * string. Points and sizes are first put on the stroke grid.
 */
export function encodeStrokes(strokes: readonly Stroke[]): string {
  const out: number[] = [];
  pushVarint(out, VERSION);
  pushVarint(out, strokes.length);
  for (const stroke of strokes) {
    const q = (v: number) => Math.round(quantiseCoordinate(v) * STROKE_GRID);
    pushVarint(out, Math.round(quantiseSize(stroke.size) * STROKE_GRID));
    pushVarint(out, stroke.points.length);
    let px = 0;
    let py = 0;
    stroke.points.forEach(([x, y], i) => {
      const qx = q(x);
      const qy = q(y);
      pushVarint(out, i === 0 ? qx : zigzag(qx - px));
      pushVarint(out, i === 0 ? qy : zigzag(qy - py));
      px = qx;
      py = qy;
    });
  }
  return toBase64Url(out);
}

/** Why a drawing could not be decoded: not our format, or beyond {@link DRAWING_LIMITS}. */
export type StrokeDecodeError = 'wrong-type' | 'out-of-range';

/**
 * Decodes {@link encodeStrokes}'s output. Never throws: anything that is not a well-formed
 * drawing within the limits gives an error code.
 */
export function decodeStrokes(text: string): { ok: true; strokes: Stroke[] } | { ok: false; error: StrokeDecodeError } {
  const bytes = fromBase64Url(text);
  if (!bytes) return { ok: false, error: 'wrong-type' };
  let at = 0;
  const varint = (): number | null => {
    let value = 0;
    let scale = 1;
    for (let k = 0; k < 4; k++) {
      if (at >= bytes.length) return null;
      const b = bytes[at++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    return null;
  };
  if (varint() !== VERSION) return { ok: false, error: 'wrong-type' };
  const count = varint();
  if (count === null) return { ok: false, error: 'wrong-type' };
  if (count > DRAWING_LIMITS.strokes) return { ok: false, error: 'out-of-range' };
  const strokes: Stroke[] = [];
  let totalPoints = 0;
  for (let s = 0; s < count; s++) {
    const sizeUnits = varint();
    const n = varint();
    if (sizeUnits === null || n === null || n < 1) return { ok: false, error: 'wrong-type' };
    const size = sizeUnits / STROKE_GRID;
    totalPoints += n;
    if (size < quantiseSize(0) || size > quantiseSize(1) || totalPoints > DRAWING_LIMITS.points) return { ok: false, error: 'out-of-range' };
    const points: (readonly [number, number])[] = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      const a = varint();
      const b = varint();
      if (a === null || b === null) return { ok: false, error: 'wrong-type' };
      x = i === 0 ? a : x + unzigzag(a);
      y = i === 0 ? b : y + unzigzag(b);
      if (x < 0 || y < 0 || x > STROKE_GRID || y > STROKE_GRID) return { ok: false, error: 'out-of-range' };
      points.push([x / STROKE_GRID, y / STROKE_GRID]);
    }
    strokes.push({ size, points });
  }
  if (at !== bytes.length) return { ok: false, error: 'wrong-type' };
  return { ok: true, strokes };
}
