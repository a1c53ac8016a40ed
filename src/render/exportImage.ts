/**
 * Turning what is on screen into files: canvases upscaled crisply (nearest neighbour), SVG
 * charts as standalone SVG files with their computed styles inlined, SVG rasterised to PNG,
 * and a titled picture with an optional colour legend. Browser only (uses the DOM and canvas).
 */
import { CHART, type ColourScale } from './palette';
import type { Domain } from './paintGrid';
import { crispScale, gridLayout } from './exportLayout';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif';
/** Margin around an exported SVG chart, in CSS pixels. */
const SVG_PAD = 8;

/** Presentation properties copied from the live SVG into the file, so it looks the same anywhere. */
const SVG_STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

/** Sizes of exported pictures in output pixels. */
export const EXPORT_SIZES = {
  /** Longer side a single feature map is scaled up to (integer factor, at most this). */
  single: 480,
  /** Longer side of each tile when a figure holds several maps. */
  tile: 120,
  /** Widest a grid of tiles may grow. */
  gridWidth: 1200,
  /** SVG charts are rasterised at this many output pixels per CSS pixel. */
  svgScale: 3,
  margin: 16,
  titleSize: 20,
  labelSize: 13,
} as const;

/** What an exported colour legend shows: the scale, its value range, and what it measures. */
export interface LegendSpec {
  readonly scale: ColourScale;
  readonly domain: Domain;
  readonly title: string;
}

/** A picture to place in an export, with an optional caption under it. */
export interface ExportTile {
  readonly image: HTMLCanvasElement;
  readonly label?: string;
}

function newCanvas(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(width));
  c.height = Math.max(1, Math.round(height));
  return c;
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  return ctx;
}

/** A copy of `source` scaled up by an integer factor (nearest neighbour) to about `target` pixels. */
export function upscaleCanvas(source: HTMLCanvasElement, target: number): HTMLCanvasElement {
  const k = crispScale(source.width, source.height, target);
  const out = newCanvas(source.width * k, source.height * k);
  const ctx = context(out);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, out.width, out.height);
  return out;
}

/**
 * The SVG laid over `svg` (its next sibling, marked `data-overlay`), if any: what changes
 * often (a marker that moves) lives there, so the browser repaints it without repainting the
 * chart under it. It is exported as part of `svg`, never as a picture of its own.
 */
export function overlayOf(svg: SVGSVGElement): SVGSVGElement | null {
  const next = svg.nextElementSibling;
  return next instanceof SVGSVGElement && next.hasAttribute('data-overlay') ? next : null;
}

/**
 * A standalone SVG document for `svg`: computed styles inlined as attributes (so `currentColor`
 * and stylesheet rules survive), explicit size and namespaces, a white background, and
 * `title` both as its accessible <title> and as a visible heading above the chart. The
 * content of `overlay` (an SVG of the same size and viewBox laid over `svg` on the page, see
 * {@link overlayOf}) is drawn on top of it.
 */
export function serializeSvg(
  svg: SVGSVGElement,
  title: string,
  background = true,
  overlay: SVGSVGElement | null = null,
): { text: string; width: number; height: number; pad: number } {
  const rect = svg.getBoundingClientRect();
  const width = Math.ceil(Number(svg.getAttribute('width')) || rect.width);
  const height = Math.ceil(Number(svg.getAttribute('height')) || rect.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const overlayClone = overlay ? (overlay.cloneNode(true) as SVGSVGElement) : null;
  const live = [svg, ...svg.querySelectorAll('*'), ...(overlay ? overlay.querySelectorAll('*') : [])];
  const copies = [clone, ...clone.querySelectorAll('*'), ...(overlayClone ? overlayClone.querySelectorAll('*') : [])];
  live.forEach((el, i) => {
    const cs = getComputedStyle(el);
    // Only what differs from the parent: the rest is inherited (or the default) in the file too.
    const parent = i > 0 && el.parentElement ? getComputedStyle(el.parentElement) : null;
    for (const prop of SVG_STYLE_PROPS) {
      const v = cs.getPropertyValue(prop);
      if (v && v !== 'normal' && v !== 'auto' && v !== parent?.getPropertyValue(prop)) copies[i].setAttribute(prop, v);
    }
  });
  const head = title ? 26 : 0;
  // Room for tick labels that overhang the chart's own box (they are visible on the page).
  const pad = SVG_PAD;
  const doc = document.createElementNS(SVG_NS, 'svg');
  doc.setAttribute('xmlns', SVG_NS);
  const docWidth = width + 2 * pad;
  const docHeight = height + head + 2 * pad;
  doc.setAttribute('width', String(docWidth));
  doc.setAttribute('height', String(docHeight));
  doc.setAttribute('viewBox', `0 0 ${docWidth} ${docHeight}`);
  doc.setAttribute('font-family', FONT);
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  doc.append(titleEl);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', CHART.background);
  if (background) doc.append(bg);
  if (title) {
    const heading = document.createElementNS(SVG_NS, 'text');
    heading.setAttribute('x', String(pad + 4));
    heading.setAttribute('y', String(pad + 16));
    heading.setAttribute('font-size', '14');
    heading.setAttribute('font-weight', '600');
    heading.setAttribute('fill', CHART.text);
    heading.textContent = title;
    doc.append(heading);
  }
  const body = document.createElementNS(SVG_NS, 'svg');
  for (const attr of ['role', 'aria-label', 'class', 'data-testid']) clone.removeAttribute(attr);
  body.setAttribute('x', String(pad));
  body.setAttribute('y', String(pad + head));
  body.setAttribute('width', String(width));
  body.setAttribute('height', String(height));
  body.setAttribute('overflow', 'visible');
  for (const prop of SVG_STYLE_PROPS) {
    const v = clone.getAttribute(prop);
    if (v) body.setAttribute(prop, v);
  }
  body.append(...clone.childNodes);
  if (overlayClone) body.append(...overlayClone.childNodes);
  doc.append(body);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
  return { text, width: docWidth, height: docHeight, pad };
}

/** Rasterises an SVG document (text) onto a canvas `scale` times its size, on white unless `background` is false. */
export async function svgToCanvas(svgText: string, width: number, height: number, scale: number, background = true): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const out = newCanvas(width * scale, height * scale);
    const ctx = context(out);
    if (background) {
      ctx.fillStyle = CHART.background;
      ctx.fillRect(0, 0, out.width, out.height);
    }
    ctx.drawImage(img, 0, 0, out.width, out.height);
    return out;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Paints a horizontal colour bar `width` wide at (x, y) with its range and title; returns its height. */
export function paintLegend(ctx: CanvasRenderingContext2D, legend: LegendSpec, x: number, y: number, width: number): number {
  const barH = 14;
  const size = EXPORT_SIZES.labelSize;
  for (let i = 0; i < width; i++) {
    ctx.fillStyle = legend.scale.css(width > 1 ? i / (width - 1) : 0);
    ctx.fillRect(x + i, y, 1, barH);
  }
  ctx.strokeStyle = CHART.legendOutline;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, width - 1, barH - 1);
  ctx.fillStyle = CHART.text;
  ctx.font = `${size}px ${FONT}`;
  ctx.textBaseline = 'top';
  const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
  ctx.textAlign = 'left';
  ctx.fillText(fmt(legend.domain[0]), x, y + barH + 3);
  ctx.textAlign = 'right';
  ctx.fillText(fmt(legend.domain[1]), x + width, y + barH + 3);
  ctx.textAlign = 'center';
  ctx.fillStyle = CHART.muted;
  ctx.fillText(legend.title, x + width / 2, y + barH + 3, Math.max(10, width - 80));
  ctx.textAlign = 'left';
  return barH + 3 + size + 2;
}

/**
 * One picture for a figure: its title on top, the tiles (one big, or a captioned grid), and a
 * colour legend underneath, on white with a margin; `textScale` enlarges the title and margin
 * (for charts rasterised at several pixels per CSS pixel).
 */
export function composeFigure(title: string, tiles: readonly ExportTile[], legend?: LegendSpec, textScale = 1): HTMLCanvasElement {
  const { labelSize, gridWidth } = EXPORT_SIZES;
  const margin = Math.round(EXPORT_SIZES.margin * textScale);
  const titleSize = Math.round(EXPORT_SIZES.titleSize * textScale);
  const captioned = tiles.length > 1 && tiles.some((t) => t.label);
  const grid = gridLayout(
    tiles.map((t) => t.image),
    gridWidth,
    10,
    captioned ? labelSize + 6 : 0,
  );
  const legendWidth = Math.min(320, Math.max(200, grid.width));
  const legendHeight = legend ? 14 + 3 + labelSize + 2 + 10 : 0;
  // Wide enough for the title too (measured with a scratch context).
  const probe = context(newCanvas(1, 1));
  probe.font = `600 ${titleSize}px ${FONT}`;
  const titleWidth = Math.ceil(probe.measureText(title).width);
  const width = Math.max(grid.width, legend ? legendWidth : 0, Math.min(titleWidth, gridWidth)) + 2 * margin;
  const top = margin + titleSize + 10;
  const out = newCanvas(width, top + grid.height + (legend ? 10 + legendHeight : 0) + margin);
  const ctx = context(out);
  ctx.fillStyle = CHART.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = CHART.text;
  ctx.font = `600 ${titleSize}px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, margin, margin, width - 2 * margin);
  ctx.imageSmoothingEnabled = false;
  ctx.font = `${labelSize}px ${FONT}`;
  ctx.textAlign = 'center';
  tiles.forEach((t, i) => {
    const b = grid.boxes[i];
    ctx.drawImage(t.image, margin + b.x, top + b.y);
    if (captioned && t.label) {
      ctx.fillStyle = CHART.muted;
      ctx.fillText(t.label, margin + b.x + b.width / 2, top + b.y + b.height + 3, b.width + 8);
    }
  });
  ctx.textAlign = 'left';
  if (legend) paintLegend(ctx, legend, margin, top + grid.height + 10, legendWidth);
  return out;
}

/** The canvas as a PNG file. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded as PNG'))), 'image/png');
  });
}

/** Offers `blob` to the user as a download called `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
