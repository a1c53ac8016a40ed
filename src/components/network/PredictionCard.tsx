import { useTranslation } from 'react-i18next';
import { argmax } from '../../core/argmax';
import { SoftmaxBars } from '../../charts/SoftmaxBars';
import { ChartFigure } from '../export/ChartFigure';
import { PanelInfo } from '../info/PanelInfo';

export interface PredictionCardProps {
  /** The softmax output for the current input, or null while not computed. */
  readonly probabilities: Float32Array | null;
  /** True when the pad is empty: nothing to classify. */
  readonly empty: boolean;
  /** Shown while the model loads, or why it could not. */
  readonly message: string | null;
  readonly modelName: string;
  /** False while the shown probabilities belong to an earlier input (a new pass is running). */
  readonly upToDate: boolean;
}

/** The network's answer: the top digit, its probability, and all ten softmax bars. */
export function PredictionCard({ probabilities, empty, message, modelName, upToDate }: PredictionCardProps) {
  const { t } = useTranslation('input');
  const shown = empty ? null : probabilities;
  let digit = '';
  let confidence = '';
  if (shown) {
    const best = argmax(shown);
    digit = String(best);
    confidence = shown[best].toFixed(4);
  }
  return (
    <section className="prediction" aria-labelledby="prediction-title" aria-live="polite">
      <div className="prediction__head">
        <div className="titled">
          <h3 id="prediction-title">{t('prediction.title')}</h3>
          <PanelInfo what="prediction" />
        </div>
        <span className="muted prediction__model">{modelName}</span>
      </div>
      <div className="prediction__body">
        <p className="prediction__answer" data-testid="prediction" data-digit={digit} data-confidence={confidence} data-up-to-date={String(empty || upToDate)}>
          {shown ? (
            <>
              <span className="prediction__digit">{digit}</span>
              <span className="prediction__confidence">{t('prediction.sure', { percent: (Number(confidence) * 100).toFixed(1) })}</span>
            </>
          ) : (
            <span className="muted">{empty ? t('prediction.draw') : (message ?? t('prediction.thinking'))}</span>
          )}
        </p>
        <ChartFigure chart="softmax">
          <SoftmaxBars probabilities={shown} width={230} height={84} />
        </ChartFigure>
      </div>
    </section>
  );
}
