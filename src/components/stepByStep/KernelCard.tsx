import { useTranslation } from 'react-i18next';
import type { Grid } from '../../core/grid';
import { COLOUR_SCALES } from '../../render/palette';
import { paintGrid, type Domain } from '../../render/paintGrid';
import { useCanvasPainter } from '../common/useCanvasPainter';

export interface KernelCardProps {
  /** Caption above the kernel (already translated). */
  readonly caption: string;
  readonly kernel: Grid;
  /** The colour range, shared by every card of a group so that colours compare. */
  readonly domain: Domain;
  /** Decimals shown in the number matrix. */
  readonly decimals: number;
  readonly testId: string;
}

/** One kernel as a colour image (diverging scale) beside its weights as a number matrix. */
export function KernelCard({ caption, kernel, domain, decimals, testId }: KernelCardProps) {
  const { t } = useTranslation('compare');
  const canvas = useCanvasPainter((ctx) => paintGrid(ctx, kernel, COLOUR_SCALES.diverging, domain), [kernel, domain]);
  const values = Array.from(kernel.data);
  return (
    <figure className="kernel-card" data-testid={testId} data-values={values.join(',')}>
      <figcaption>{caption}</figcaption>
      <div className="kernel-card__body">
        <canvas ref={canvas} className="kernel-card__image" role="img" aria-label={t('imageLabel', { name: caption })} />
        <div
          className="kernel-card__matrix"
          style={{ gridTemplateColumns: `repeat(${kernel.width}, auto)` }}
          role="group"
          aria-label={t('matrixLabel', { name: caption })}
        >
          {values.map((v, i) => (
            <span key={i} className={v < 0 ? 'kernel-card__cell kernel-card__cell--neg' : 'kernel-card__cell'}>
              {v.toFixed(decimals)}
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}
