import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fileName } from '../../render/exportLayout';
import type { LegendSpec } from '../../render/exportImage';
import '../../styles/export.css';

export interface FigureProps {
  /** What the figure shows, e.g. "Filter 1 thresholded map, 26 × 26"; heads the exported picture. */
  readonly title: string;
  /** Pieces of the download's file name, e.g. ['conv1', 'channel 3'] -> convlens-conv1-channel-3.png. */
  readonly name: readonly string[];
  /** Colour legend drawn under exported maps (on-screen legends are then left out of the PNG). */
  readonly legend?: LegendSpec;
  /** Offer an SVG download too (for charts drawn in SVG). */
  readonly vector?: boolean;
  /** Export only the n-th map or chart of the figure (in document order); all of them when absent. */
  readonly pick?: number;
  /** More controls for the export, shown before the buttons (e.g. which channel). */
  readonly tools?: ReactNode;
  readonly testId?: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * Any map or chart with download buttons: PNG always (maps scaled up without blurring, with
 * title and legend), SVG for vector charts. The buttons find the canvases and SVGs inside the
 * figure themselves, so a new chart gets export by sitting in a <Figure>.
 */
export function Figure({ title, name, legend, vector, pick, tools, testId, className, children }: FigureProps) {
  const { t } = useTranslation('export');
  const content = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  const save = async (kind: 'png' | 'svg') => {
    if (!content.current) return;
    setMessage(null);
    try {
      // The exporters load with the first download, not with the page.
      const [{ figurePng, figureSvg }, { saveBlob }] = await Promise.all([import('./exportFigure'), import('../../render/exportImage')]);
      const blob = kind === 'png' ? await figurePng(content.current, title, legend, pick) : figureSvg(content.current, title, pick);
      if (!blob) setMessage(t('nothing'));
      else saveBlob(blob, fileName(name, kind));
    } catch (e) {
      setMessage(t('failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <div className={className ? `export-figure ${className}` : 'export-figure'} data-testid={testId} data-export-title={title}>
      <div ref={content} className="export-figure__content">
        {children}
      </div>
      <div className="export-figure__tools" role="group" aria-label={t('tools', { title })}>
        {tools}
        <button type="button" className="export-button" data-testid="export-png" aria-label={t('downloadPng', { title })} onClick={() => void save('png')}>
          <span aria-hidden="true">⤓ </span>
          {t('png')}
        </button>
        {vector && (
          <button type="button" className="export-button" data-testid="export-svg" aria-label={t('downloadSvg', { title })} onClick={() => void save('svg')}>
            <span aria-hidden="true">⤓ </span>
            {t('svg')}
          </button>
        )}
      </div>
      {message && (
        <p className="export-figure__message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
