import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColourScale } from '../../render/palette';
import type { Domain } from '../../render/paintGrid';
import { Figure } from './Figure';

export interface MapFigureProps {
  readonly title: string;
  readonly name: readonly string[];
  /** What the colours measure, named in the exported legend. */
  readonly legend: 'response' | 'fires' | 'pooled' | 'grey';
  readonly scale: ColourScale;
  readonly domain: Domain;
  readonly testId?: string;
  readonly className?: string;
  /** The map and its <figcaption>. */
  readonly children: ReactNode;
}

/** A feature map in a <figure>, exportable as a PNG with its title and colour legend. */
export function MapFigure({ title, name, legend, scale, domain, testId, className, children }: MapFigureProps) {
  const { t } = useTranslation('export');
  return (
    <Figure title={title} name={name} legend={{ scale, domain, title: t(`legend.${legend}`) }} testId={testId}>
      <figure className={className}>{children}</figure>
    </Figure>
  );
}
