import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from './Figure';

export type ChartName = 'softmax' | 'loss' | 'accuracy';

/** A named SVG chart, exportable as PNG and SVG (file convlens-<chart>.png / .svg). */
export function ChartFigure({ chart, children }: { chart: ChartName; children: ReactNode }) {
  const { t } = useTranslation('export');
  return (
    <Figure title={t(`chart.${chart}`)} name={[chart]} vector testId={`figure-${chart}`}>
      {children}
    </Figure>
  );
}
