import { channelCrops, layoutOf } from '../../render/channelCrops';
import {
  canvasToPng,
  composeFigure,
  EXPORT_SIZES,
  overlayOf,
  serializeSvg,
  svgToCanvas,
  upscaleCanvas,
  type ExportTile,
  type LegendSpec,
} from '../../render/exportImage';

/** The pictures inside a figure's content: its canvases and outermost SVGs (overlays go with the SVG under them), in document order. */
export function figureSurfaces(content: HTMLElement, skipLegends: boolean): (HTMLCanvasElement | SVGSVGElement)[] {
  return [...content.querySelectorAll('canvas, svg')].filter(
    (el): el is HTMLCanvasElement | SVGSVGElement =>
      (el instanceof HTMLCanvasElement || (el instanceof SVGSVGElement && !el.parentElement?.closest('svg') && !el.hasAttribute('data-overlay'))) &&
      !(skipLegends && el.classList.contains('legend')),
  );
}

function picked<T>(all: T[], pick: number | undefined): T[] {
  return pick === undefined ? all : all.slice(pick, pick + 1);
}

/** The caption of the figure a surface sits in (e.g. "ch 3"), if any. */
function captionOf(el: Element, content: HTMLElement): string | undefined {
  const fig = el.closest('figure');
  if (!fig || !content.contains(fig)) return undefined;
  return fig.querySelector('figcaption')?.textContent?.trim() || undefined;
}

/** A picture to export and its caption: a layer canvas counts as one picture per channel. */
interface Piece {
  readonly surface: HTMLCanvasElement | SVGSVGElement;
  readonly label?: string;
}

function pieces(content: HTMLElement, skipLegends: boolean): Piece[] {
  return figureSurfaces(content, skipLegends).flatMap((surface): Piece[] => {
    const layout = surface instanceof HTMLCanvasElement ? layoutOf(surface) : null;
    if (!layout || !(surface instanceof HTMLCanvasElement)) return [{ surface, label: captionOf(surface, content) }];
    const cells = surface.parentElement;
    return channelCrops(surface, layout).map((crop, c) => ({
      surface: crop,
      label: cells?.querySelector(`[data-channel="${c}"] figcaption`)?.textContent?.trim() || undefined,
    }));
  });
}

/**
 * A PNG of the figure: each map scaled up crisply (one big map, or a captioned grid of them),
 * each chart rasterised sharply, under `title` and over the colour `legend`.
 * Returns null when the figure holds nothing to draw.
 */
export async function figurePng(content: HTMLElement, title: string, legend?: LegendSpec, pick?: number): Promise<Blob | null> {
  const chosen = picked(pieces(content, !!legend), pick);
  if (chosen.length === 0) return null;
  const target = chosen.length === 1 ? EXPORT_SIZES.single : EXPORT_SIZES.tile;
  const tiles: ExportTile[] = await Promise.all(
    chosen.map(async ({ surface: el, label }) => {
      if (el instanceof HTMLCanvasElement) return { image: upscaleCanvas(el, target), label };
      const { text, width, height } = serializeSvg(el, '', true, overlayOf(el));
      return { image: await svgToCanvas(text, width, height, EXPORT_SIZES.svgScale), label };
    }),
  );
  // Charts are rasterised at several pixels per CSS pixel: their heading grows with them.
  const textScale = chosen.every((p) => p.surface instanceof SVGSVGElement) ? EXPORT_SIZES.svgScale / 1.5 : 1;
  return canvasToPng(composeFigure(title, tiles, legend, textScale));
}

/** The figure's chart as a standalone SVG file, or null when it holds no SVG. */
export function figureSvg(content: HTMLElement, title: string, pick?: number): Blob | null {
  const svg = picked(figureSurfaces(content, false), pick).find((el): el is SVGSVGElement => el instanceof SVGSVGElement);
  if (!svg) return null;
  return new Blob([serializeSvg(svg, title, true, overlayOf(svg)).text], { type: 'image/svg+xml' });
}
