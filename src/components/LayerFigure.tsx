import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColourScale } from '../render/palette';
import type { Domain } from '../render/paintGrid';
import { Figure } from './Figure';

export interface LayerFigureProps {
  /** The layer's name, e.g. "conv1"; names the file and the legend. */
  readonly layer: string;
  /** Heading of the exported picture, e.g. "conv1 — convolution". */
  readonly title: string;
  readonly scale: ColourScale;
  readonly domain: Domain;
  /** The layer's pictures (one <figure> with a caption per channel). */
  readonly children: ReactNode;
}

/** All the pictures of one network layer, exportable as one captioned PNG grid with its legend. */
export function LayerFigure({ layer, title, scale, domain, children }: LayerFigureProps) {
  const { t } = useTranslation('export');
  return (
    <Figure title={title} name={[layer]} legend={{ scale, domain, title: t('legend.values', { layer }) }} testId={`figure-layer-${layer}`}>
      {children}
    </Figure>
  );
}
