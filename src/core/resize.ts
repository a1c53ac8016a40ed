/**
 * Resizing a coarse map (a 5x5 Grad-CAM, say) to the size of the image it explains, so the
 * two can be overlaid pixel for pixel.
 */
import { createGrid, type Grid } from './grid';

/** Where output index `o` falls in the source, in source pixel units, and its two neighbours' weights. */
function sourcePosition(o: number, scale: number, size: number): { lo: number; hi: number; t: number } {
  const at = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), size - 1);
  const lo = Math.floor(at);
  return { lo, hi: Math.min(lo + 1, size - 1), t: at - lo };
}

/**
 * Bilinear resize with pixel centres aligned (each pixel is a square with its value at the
 * centre, and both grids cover the same square: output pixel centre o + 0.5 maps to source
 * (o + 0.5) x source/output - 0.5), values beyond the outer centres held at the edge value.
 * This is `tf.image.resizeBilinear` with `halfPixelCenters`, and what OpenCV's resize does:
 * the map stays smooth where nearest-neighbour would show the coarse layer's blocks, and no
 * value leaves the range of the source.
 */
export function resizeBilinear(source: Grid, height: number, width: number): Grid {
  if (source.height < 1 || source.width < 1) throw new RangeError('Cannot resize an empty grid.');
  const out = createGrid(height, width);
  const xs = Array.from({ length: width }, (_, c) => sourcePosition(c, source.width / width, source.width));
  for (let r = 0; r < height; r++) {
    const y = sourcePosition(r, source.height / height, source.height);
    const top = y.lo * source.width;
    const bottom = y.hi * source.width;
    for (let c = 0; c < width; c++) {
      const x = xs[c];
      const upper = source.data[top + x.lo] * (1 - x.t) + source.data[top + x.hi] * x.t;
      const lower = source.data[bottom + x.lo] * (1 - x.t) + source.data[bottom + x.hi] * x.t;
      out.data[r * width + c] = upper * (1 - y.t) + lower * y.t;
    }
  }
  return out;
}
