import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { drawDropoutMask } from '../../model/dropoutMask';
import type { ModelSpec } from '../../model/spec';
import { InfoButton } from '../info/InfoButton';
import '../../styles/compare.css';

export interface DropoutPanelProps {
  /** The network being designed (its first dense layer is shown). */
  readonly spec: ModelSpec;
  /** tfjs has its backend (the model session is open): masks can be drawn. */
  readonly ready: boolean;
}

/** Columns of the unit grid: about twice as wide as tall, so the grid stays short. */
function columnsFor(units: number): number {
  return Math.min(32, Math.max(8, Math.ceil(Math.sqrt(units * 2))));
}

function MaskGrid({ units, rate }: { units: number; rate: number }) {
  const { t } = useTranslation('compare');
  const [mask, setMask] = useState<ReturnType<typeof drawDropoutMask> | null>(null);
  // The mask comes from tfjs's own Dropout layer, loaded with the model code (not at start-up).
  const draw = useCallback(() => {
    void import('../../model/dropoutMask').then((m) => setMask(m.drawDropoutMask(units, rate)));
  }, [units, rate]);
  useEffect(draw, [draw]);
  if (!mask) return null;
  const dropped = mask.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
  const kept = mask.find((v) => v !== 0) ?? 0;
  return (
    <>
      <div className="dropout-panel__row">
        <button type="button" data-testid="dropout-new-step" onClick={draw}>
          {t('dropout.newStep')}
        </button>
        <span data-testid="dropout-summary">{t('dropout.summary', { dropped, units, kept: kept.toFixed(2) })}</span>
      </div>
      <div
        className="dropout-panel__grid"
        style={{ gridTemplateColumns: `repeat(${columnsFor(units)}, 1fr)` }}
        role="img"
        aria-label={t('dropout.gridLabel', { dropped, units })}
        data-testid="dropout-mask"
        data-dropped={dropped}
        data-mask={Array.from(mask, (v) => (v === 0 ? '0' : '1')).join('')}
      >
        {Array.from(mask, (v, i) => (
          <span
            key={i}
            className={v === 0 ? 'dropout-unit dropout-unit--dropped' : 'dropout-unit'}
            title={v === 0 ? t('dropout.droppedUnit', { n: i + 1 }) : t('dropout.keptUnit', { n: i + 1, scale: v.toFixed(2) })}
          />
        ))}
      </div>
    </>
  );
}

/** Which units of the dense layer one training step drops, drawn afresh at every step. */
export function DropoutPanel({ spec, ready }: DropoutPanelProps) {
  const { t } = useTranslation('compare');
  const index = Math.max(
    0,
    spec.dense.findIndex((d) => d.dropout > 0),
  );
  const layer = spec.dense[index];
  const title = t('dropout.title');
  return (
    <section className="dropout-panel" aria-labelledby="dropout-title" data-testid="dropout-panel">
      <h3 id="dropout-title" className="compare-header">
        {title} <InfoButton panel="dropout" topic={title} paragraphs={[t('dropout.info1'), t('dropout.info2'), t('dropout.info3')]} />
      </h3>
      {!layer ? (
        <p className="dropout-panel__note">{t('dropout.noDense')}</p>
      ) : (
        <>
          <p className="dropout-panel__note">{t('dropout.intro', { layer: `dense${index + 1}`, units: layer.units, rate: layer.dropout })}</p>
          {layer.dropout === 0 && <p className="dropout-panel__note">{t('dropout.rateZero')}</p>}
          {ready && <MaskGrid key={`${layer.units}:${layer.dropout}`} units={layer.units} rate={layer.dropout} />}
          <p className="dropout-panel__note">{t('dropout.atPrediction')}</p>
        </>
      )}
    </section>
  );
}
