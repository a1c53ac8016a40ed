/**
 * A picture of a whole panel for a slide, composed from what is on screen without any
 * HTML-to-image library: every map (canvas, scaled without smoothing) and chart (SVG,
 * rasterised) at its place, the text word by word where the page laid it out, and the values
 * of number fields and selects (the kernel weights, the settings).
 * Browser only.
 */
import { serializeSvg, svgToCanvas } from './exportImage';
import { CHART } from './palette';

/** Form fields whose current value is drawn as text. */
const FIELD_SELECTOR = 'input[type="number"], input[type="text"], select';
/** Parts of the panel that are not content: the export buttons, other controls' own text, screen-reader-only text. */
const SKIP_SELECTOR = '.export-figure__tools, .visually-hidden, button, select, option, script, style, svg';

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (el.checkVisibility?.() ?? true);
}

function applyFont(ctx: CanvasRenderingContext2D, cs: CSSStyleDeclaration): void {
  ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  ctx.fillStyle = cs.color;
}

/** Draws every word of the panel's visible text where the page laid it out (so wrapping matches). */
function paintWords(ctx: CanvasRenderingContext2D, panel: HTMLElement, origin: DOMRect): void {
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  ctx.textBaseline = 'middle';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (!parent || !text.trim() || parent.closest(SKIP_SELECTOR) || !visible(parent)) continue;
    applyFont(ctx, getComputedStyle(parent));
    for (const word of text.matchAll(/\S+/g)) {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const r = range.getBoundingClientRect();
      if (r.width > 0) ctx.fillText(word[0], r.left - origin.left, r.top - origin.top + r.height / 2);
    }
  }
}

/** Draws the current value of number and text fields and selects inside their boxes, with a frame. */
function paintFields(ctx: CanvasRenderingContext2D, panel: HTMLElement, origin: DOMRect): void {
  ctx.textBaseline = 'middle';
  for (const el of panel.querySelectorAll<HTMLInputElement | HTMLSelectElement>(FIELD_SELECTOR)) {
    if (!visible(el) || el.closest('.export-figure__tools')) continue;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const x = r.left - origin.left;
    const y = r.top - origin.top;
    ctx.fillStyle = cs.backgroundColor;
    ctx.fillRect(x, y, r.width, r.height);
    ctx.strokeStyle = cs.borderTopColor;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, r.width - 1, r.height - 1);
    applyFont(ctx, cs);
    const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.value;
    const centred = cs.textAlign === 'center';
    ctx.textAlign = centred ? 'center' : 'left';
    ctx.fillText(text, centred ? x + r.width / 2 : x + (parseFloat(cs.paddingLeft) || 4), y + r.height / 2, r.width - 4);
    ctx.textAlign = 'left';
  }
}

/**
 * Renders `panel` at `scale` output pixels per CSS pixel onto a white canvas, its whole height
 * (also the part scrolled out of view).
 */
export async function snapshotPanel(panel: HTMLElement, scale: number): Promise<HTMLCanvasElement> {
  const origin = panel.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.ceil(origin.width * scale);
  out.height = Math.ceil(origin.height * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.fillStyle = CHART.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(scale, scale);
  const box = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  };

  const svgs = [...panel.querySelectorAll('svg')].filter(
    (s): s is SVGSVGElement => s instanceof SVGSVGElement && !s.parentElement?.closest('svg') && !s.closest('.export-figure__tools') && visible(s),
  );
  const charts = await Promise.all(
    svgs.map(async (svg) => {
      const { text, width, height, pad } = serializeSvg(svg, '', false);
      return { svg, pad, image: await svgToCanvas(text, width, height, Math.ceil(scale), false) };
    }),
  );
  for (const el of panel.querySelectorAll('canvas')) {
    if (!visible(el)) continue;
    const b = box(el);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(el, b.x, b.y, b.width, b.height);
  }
  ctx.imageSmoothingEnabled = true;
  for (const { svg, image, pad } of charts) {
    const b = box(svg);
    ctx.drawImage(image, b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
  }
  paintFields(ctx, panel, origin);
  paintWords(ctx, panel, origin);
  return out;
}
