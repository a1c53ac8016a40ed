import { createGrid, type Grid } from '../core/grid';
import type { Stroke } from '../core/stroke';
import { DIGIT } from './palette';

/** Resolution at which strokes are turned into ink before MNIST-style preprocessing. */
export const INK_SIDE = 140;

/**
 * Paints strokes (normalised 0..1 coordinates, brush size as a fraction of the side) in
 * white on the current canvas contents, with round caps and joins.
 */
export function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], side: number): void {
  ctx.save();
  ctx.strokeStyle = DIGIT.ink;
  ctx.fillStyle = DIGIT.ink;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    if (s.points.length === 0) continue;
    const width = s.size * side;
    if (s.points.length === 1) {
      const [x, y] = s.points[0];
      ctx.beginPath();
      ctx.arc(x * side, y * side, width / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.lineWidth = width;
    ctx.beginPath();
    s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * side, y * side) : ctx.lineTo(x * side, y * side)));
    ctx.stroke();
  }
  ctx.restore();
}

let inkCanvas: OffscreenCanvas | HTMLCanvasElement | null = null;

function inkContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
  if (!inkCanvas) {
    inkCanvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(INK_SIDE, INK_SIDE) : document.createElement('canvas');
    inkCanvas.width = INK_SIDE;
    inkCanvas.height = INK_SIDE;
  }
  const ctx = inkCanvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  return ctx as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
}

/** Rasterises strokes to an INK_SIDE x INK_SIDE ink map (1 = ink, 0 = paper). */
export function rasteriseStrokes(strokes: readonly Stroke[]): Grid {
  const ctx = inkContext();
  ctx.fillStyle = DIGIT.paper;
  ctx.fillRect(0, 0, INK_SIDE, INK_SIDE);
  paintStrokes(ctx as CanvasRenderingContext2D, strokes, INK_SIDE);
  const rgba = ctx.getImageData(0, 0, INK_SIDE, INK_SIDE).data;
  const ink = new Float32Array(INK_SIDE * INK_SIDE);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4] / 255;
  return createGrid(INK_SIDE, INK_SIDE, ink);
}
