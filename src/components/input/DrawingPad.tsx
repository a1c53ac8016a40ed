import { useRef, type PointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Image28 } from '../../core/grid';
import { COLOUR_SCALES, DIGIT } from '../../render/palette';
import { paintGrid } from '../../render/paintGrid';
import { paintStrokes } from '../../render/strokes';
import type { Stroke } from '../../state/labState';
import { notePenInput } from '../common/perfMarks';
import { useCanvasPainter } from '../common/useCanvasPainter';

const PAD_PIXELS = 280;

export interface DrawingPadProps {
  readonly strokes: readonly Stroke[];
  /** Shown dimmed under the pen when the input is a sample or an upload. */
  readonly background: Image28 | null;
  readonly brush: number;
  readonly side: number;
  readonly onBegin: (stroke: Stroke) => void;
  readonly onExtend: (point: readonly [number, number]) => void;
}

/**
 * The drawing surface: pointer events for mouse, touch and pen, with pointer capture so a
 * stroke that leaves the pad keeps going. White ink on black, like MNIST. Each pen event
 * is rendered synchronously, so everything it changes is on screen in the next frame.
 */
export function DrawingPad({ strokes, background, brush, side, onBegin, onExtend }: DrawingPadProps) {
  const { t } = useTranslation('input');
  const drawing = useRef(false);
  const canvasRef = useCanvasPainter(
    (ctx) => {
      ctx.imageSmoothingEnabled = false;
      ctx.fillStyle = DIGIT.paper;
      ctx.fillRect(0, 0, PAD_PIXELS, PAD_PIXELS);
      if (background) {
        const tmp = document.createElement('canvas');
        const tctx = tmp.getContext('2d');
        if (tctx) {
          paintGrid(tctx, background, COLOUR_SCALES.grey, [0, 1]);
          ctx.globalAlpha = 0.55;
          ctx.drawImage(tmp, 0, 0, PAD_PIXELS, PAD_PIXELS);
          ctx.globalAlpha = 1;
        }
      }
      paintStrokes(ctx, strokes, PAD_PIXELS);
    },
    [strokes, background],
  );

  const point = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return [clamp((e.clientX - rect.left) / rect.width), clamp((e.clientY - rect.top) / rect.height)];
  };

  return (
    <canvas
      ref={canvasRef}
      className="drawing-pad"
      data-testid="draw-canvas"
      width={PAD_PIXELS}
      height={PAD_PIXELS}
      style={{ width: side, height: side }}
      role="img"
      aria-label={t('padLabel')}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = true;
        notePenInput(e.timeStamp);
        const stroke = { size: brush, points: [point(e)] };
        flushSync(() => onBegin(stroke));
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        notePenInput(e.timeStamp);
        const p = point(e);
        // Render now, inside the event: the views then show this move in the frame it arrived in
        // (Chromium delivers at most one coalesced move per frame).
        flushSync(() => onExtend(p));
      }}
      onPointerUp={() => {
        drawing.current = false;
      }}
      onPointerCancel={() => {
        drawing.current = false;
      }}
    />
  );
}
