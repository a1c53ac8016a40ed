import { argmax } from '../core/argmax';
import { CHART } from './palette';

/**
 * The softmax as horizontal bars on `ctx`'s canvas (its whole size): one row per class, top to
 * bottom, each bar as long as its probability (0..1) of the canvas width; the top class in the
 * softmax chart's colour, the others grey. A thin baseline marks zero.
 */
export function paintProbabilityBars(ctx: CanvasRenderingContext2D, probabilities: Float32Array): void {
  const { width, height } = ctx.canvas;
  const n = probabilities.length;
  ctx.clearRect(0, 0, width, height);
  if (n === 0) return;
  const row = height / n;
  const top = argmax(probabilities);
  const bar = Math.max(1, Math.round(row * 0.7));
  for (let i = 0; i < n; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i] || 0));
    ctx.fillStyle = i === top ? CHART.topBar : CHART.bar;
    ctx.fillRect(0, Math.round(i * row + (row - bar) / 2), Math.max(p > 0 ? 1 : 0, Math.round(p * width)), bar);
  }
  ctx.fillStyle = CHART.axis;
  ctx.fillRect(0, 0, 1, height);
}
