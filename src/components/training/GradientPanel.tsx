import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../export/Figure';
import { GradientChart, type GradientSeries } from '../../charts/GradientChart';
import { InfoButton } from '../info/InfoButton';
import type { TrainingView } from './useTrainingRun';

/** How often (in batches) the training panel measures the gradient sizes. */
export const GRADIENT_EVERY = 5;

/** Gradient size per layer while training, on a log scale, with a plain-words explanation. */
export function GradientPanel({ gradients }: { gradients: TrainingView['gradients'] }) {
  const { t } = useTranslation('lessons');
  const series = useMemo<GradientSeries[]>(
    () => gradients.layers.map((layer, i) => ({ layer, points: gradients.points.map((p) => [p[0], p[1][i]] as const) })),
    [gradients],
  );
  return (
    <div className="gradient-panel" data-testid="gradient-panel">
      <h3 className="lessons-header">
        {t('gradients.title')} <InfoButton panel="gradients" topic={t('gradients.title')} paragraphs={[t('gradients.info')]} />
      </h3>
      <Figure title={t('gradients.chartTitle')} name={['gradient-sizes']} vector testId="figure-gradients">
        <GradientChart title={t('gradients.chartTitle')} xLabel={t('gradients.xLabel')} series={series} emptyText={t('gradients.empty')} />
      </Figure>
      <p className="muted gradient-panel__hint">{t('gradients.hint')}</p>
    </div>
  );
}
