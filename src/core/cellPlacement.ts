/**
 * Putting a coarse feature map back onto the input it came from, by the layers' geometry
 * rather than by stretching: each cell of the map is placed at the centre of its receptive
 * field (the input window its kernels, strides, padding and pooling windows trace back to,
 * ./receptiveField.ts), values between two cell centres are interpolated linearly along
 * each axis, and input pixels that no cell depends on (rows and columns a floor pooling
 * dropped) get no value at all. This is how Grad-CAM's coarse map is laid over the digit.
 */
import { createGrid, type Grid } from './grid';
import { layerSizes, traceReceptiveField, type WindowOp } from './receptiveField';

/** Where the cells of a layer sit along one axis of the input. */
export interface AxisPlacement {
  /**
   * Each cell's receptive-field centre, in input pixel units (pixel i's centre is i), of the
   * whole window including any zero padding it reaches: ascending, one per cell of the layer.
   */
  readonly centres: Float64Array;
  /** 1 for each input pixel at least one cell depends on, 0 for pixels no cell sees. */
  readonly covered: Uint8Array;
}

/** Where the cells of the layer after `ops` sit along one input axis of `inputSize` pixels. */
export function axisPlacement(inputSize: number, ops: readonly WindowOp[]): AxisPlacement {
  const sizes = layerSizes(inputSize, ops);
  const cells = sizes[ops.length];
  const centres = new Float64Array(cells);
  const covered = new Uint8Array(inputSize);
  for (let o = 0; o < cells; o++) {
    const input = traceReceptiveField(inputSize, inputSize, ops, o, 0)[0].rows;
    for (const i of input.indices) covered[i] = 1;
    // The whole window, padding included: a 'same' convolution's edge cell is centred on the edge pixel.
    centres[o] = (input.first - input.padBefore + input.last + input.padAfter) / 2;
  }
  return { centres, covered };
}

/** Linear interpolation weights of position x between ascending centres: the two cells and the second one's weight. */
function between(centres: Float64Array, x: number): { lo: number; hi: number; t: number } {
  const last = centres.length - 1;
  if (x <= centres[0]) return { lo: 0, hi: 0, t: 0 };
  if (x >= centres[last]) return { lo: last, hi: last, t: 0 };
  let lo = 0;
  while (centres[lo + 1] <= x) lo++;
  return { lo, hi: lo + 1, t: (x - centres[lo]) / (centres[lo + 1] - centres[lo]) };
}

/**
 * `coarse` (the layer after `ops`, height x width as `ops` make of the input) laid over an
 * input of `inputHeight` x `inputWidth` pixels: bilinear between cell centres, held at the
 * outermost centres' values out to the edge, and NaN on pixels no cell sees. Throws a
 * RangeError when `coarse` is not the size `ops` make.
 */
export function placeOnInput(coarse: Grid, inputHeight: number, inputWidth: number, ops: readonly WindowOp[]): Grid {
  const rows = axisPlacement(inputHeight, ops);
  const cols = axisPlacement(inputWidth, ops);
  if (rows.centres.length !== coarse.height || cols.centres.length !== coarse.width) {
    throw new RangeError(`The map is ${coarse.height}x${coarse.width}; these layers make ${rows.centres.length}x${cols.centres.length}.`);
  }
  const out = createGrid(inputHeight, inputWidth);
  const xs = Array.from({ length: inputWidth }, (_, c) => between(cols.centres, c));
  for (let r = 0; r < inputHeight; r++) {
    const y = between(rows.centres, r);
    const top = y.lo * coarse.width;
    const bottom = y.hi * coarse.width;
    for (let c = 0; c < inputWidth; c++) {
      if (!rows.covered[r] || !cols.covered[c]) {
        out.data[r * inputWidth + c] = Number.NaN;
        continue;
      }
      const x = xs[c];
      const upper = coarse.data[top + x.lo] * (1 - x.t) + coarse.data[top + x.hi] * x.t;
      const lower = coarse.data[bottom + x.lo] * (1 - x.t) + coarse.data[bottom + x.hi] * x.t;
      out.data[r * inputWidth + c] = upper * (1 - y.t) + lower * y.t;
    }
  }
  return out;
}
