/**
 * Pure arithmetic for exported pictures: file names, crisp integer upscaling, and the grid
 * that lays several tiles (one per channel, say) out in one picture. No DOM here.
 */

/** Lower-case, dash-separated pieces safe in any file system: "Conv 1 / ch 3" -> "conv-1-ch-3". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A file name that says what it holds: `convlens-<part>-<part>.<ext>`, e.g.
 * `fileName(['conv1', 'channel 3'], 'png')` -> `convlens-conv1-channel-3.png`. Empty parts are dropped.
 */
export function fileName(parts: readonly string[], ext: 'png' | 'svg'): string {
  const pieces = ['convlens', ...parts.map(slug).filter(Boolean)];
  return `${pieces.join('-')}.${ext}`;
}

/**
 * The integer factor that brings a `width` x `height` bitmap closest to `target` pixels on its
 * longer side without exceeding it (at least 1), so every source pixel becomes a sharp square.
 */
export function crispScale(width: number, height: number, target: number): number {
  const longer = Math.max(width, height, 1);
  return Math.max(1, Math.floor(target / longer));
}

export interface TileBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GridLayout {
  readonly columns: number;
  readonly width: number;
  readonly height: number;
  /** The image box of each tile; its label sits in `labelHeight` pixels under the box. */
  readonly boxes: readonly TileBox[];
}

/**
 * Lays `sizes` (tile images, in order) out row by row in at most `maxWidth` pixels, `gap` apart,
 * each row as tall as its tallest tile plus `labelHeight` for a caption. Tiles wider than
 * `maxWidth` get a row of their own.
 */
export function gridLayout(sizes: readonly { width: number; height: number }[], maxWidth: number, gap: number, labelHeight: number): GridLayout {
  const boxes: TileBox[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  let columns = 0;
  let inRow = 0;
  for (const s of sizes) {
    if (inRow > 0 && x + s.width > maxWidth) {
      y += rowHeight + labelHeight + gap;
      x = 0;
      rowHeight = 0;
      inRow = 0;
    }
    boxes.push({ x, y, width: s.width, height: s.height });
    x += s.width + gap;
    inRow++;
    columns = Math.max(columns, inRow);
    width = Math.max(width, x - gap);
    rowHeight = Math.max(rowHeight, s.height);
  }
  const height = sizes.length ? y + rowHeight + labelHeight : 0;
  return { columns, width, height, boxes };
}
