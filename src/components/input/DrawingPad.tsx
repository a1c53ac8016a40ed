import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image28 } from '../../core/grid';
import { paintCanvas, releaseCanvas } from '../../render/canvasPaints';
import { COLOUR_SCALES, DIGIT } from '../../render/palette';
import { paintGrid } from '../../render/paintGrid';
import { paintStrokes } from '../../render/strokes';
import type { InputStore } from '../../state/inputStore';
import { currentStrokes, type Stroke } from '../../state/labState';
import { notePenInput } from '../common/perfMarks';
import type { PenHandlers } from './usePenInput';

const PAD_PIXELS = 280;

export interface DrawingPadProps {
  /** The live input: its strokes, or the sample or upload shown dimmed under the pen. */
  readonly store: InputStore;
  readonly brush: number;
  readonly side: number;
  readonly pen: PenHandlers;
  /** Called as a stroke begins, before the pen's first point is drawn. */
  readonly onBegin?: () => void;
}

function paintPad(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], background: Image28 | null): void {
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
}

/**
 * The drawing surface: pointer events for mouse, touch and pen, with pointer capture so a
 * stroke that leaves the pad keeps going. White ink on black, like MNIST. Each pen event
 * goes to the pen handlers (the input store) at once; the pad repaints itself from the store
 * in the next frame, without rendering in React.
 */
export function DrawingPad({ store, brush, side, pen, onBegin }: DrawingPadProps) {
  const { t } = useTranslation('input');
  const drawing = useRef(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let shown: { strokes: readonly Stroke[]; background: Image28 | null } | null = null;
    const repaint = () => {
      const { source, image } = store.get();
      const strokes = currentStrokes(source);
      const background = source.kind === 'drawing' ? null : image;
      if (shown && shown.strokes === strokes && shown.background === background) return;
      shown = { strokes, background };
      paintCanvas(canvas, (ctx) => paintPad(ctx, strokes, background));
    };
    repaint();
    const unsubscribe = store.subscribe(repaint);
    return () => {
      unsubscribe();
      releaseCanvas(canvas);
    };
  }, [store]);

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
        onBegin?.();
        pen.begin({ size: brush, points: [point(e)] });
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        notePenInput(e.timeStamp);
        // The store renders its views inside the event: they show this move in the frame it
        // arrived in (Chromium delivers at most one coalesced move per frame).
        pen.extend(point(e));
      }}
      onPointerUp={() => {
        drawing.current = false;
        pen.end();
      }}
      onPointerCancel={() => {
        drawing.current = false;
        pen.end();
      }}
    />
  );
}
