import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { drawDropoutMask } from '../../model/dropoutMask';
import type { ModelSpec } from '../../model/spec';
import type { DropoutMaskReport } from '../../model/trainMetrics';
import { InfoButton } from '../info/InfoButton';
import type { DropoutMaskFeed } from './dropoutMaskFeed';
import type { RunPhase } from './useTrainingRun';
import '../../styles/compare.css';

/** The training run the panel follows: its phase, and the masks its steps applied. */
export interface DropoutRun {
  readonly phase: RunPhase;
  readonly masks: DropoutMaskFeed;
}

export interface DropoutPanelProps {
  /** The network being designed (its first dense layer with dropout is shown). */
  readonly spec: ModelSpec;
  /** tfjs has its backend (the model session is open): masks can be drawn. */
  readonly ready: boolean;
  /** The training run, whose masks are shown while it reports them (and its last one after it). */
  readonly run?: DropoutRun;
}

/** Columns of the unit grid: about twice as wide as tall, so the grid stays short. */
function columnsFor(units: number): number {
  return Math.min(32, Math.max(8, Math.ceil(Math.sqrt(units * 2))));
}

const NO_FEED = { subscribe: () => () => undefined, get: () => null };
const ACTIVE: readonly RunPhase[] = ['starting', 'running', 'paused', 'stopping'];

/** The mask values a training step applied: 0 for a dropped unit, the scale for a kept one. */
function valuesOf(report: DropoutMaskReport): Float32Array {
  return Float32Array.from(report.kept, (k) => (k ? report.scale : 0));
}

/** What the caption says of the mask on show. */
function captionOf(report: DropoutMaskReport | null, phase: RunPhase): { key: string; step?: number } {
  if (!report) return { key: 'dropout.drawn' };
  if (phase === 'paused') return { key: 'dropout.stepPaused', step: report.step };
  if (ACTIVE.includes(phase)) return { key: 'dropout.stepLive', step: report.step };
  return { key: 'dropout.stepEnded', step: report.step };
}

function MaskGrid({ units, rate, run }: { units: number; rate: number; run?: DropoutRun }) {
  const { t } = useTranslation('compare');
  const feed = run?.masks ?? NO_FEED;
  const phase = run?.phase ?? 'idle';
  const reported = useSyncExternalStore(feed.subscribe, feed.get);
  const [drawn, setDrawn] = useState<ReturnType<typeof drawDropoutMask> | null>(null);
  // The run's mask that "New training step" replaced with a drawn one (after the run).
  const [dismissed, setDismissed] = useState<DropoutMaskReport | null>(null);
  // The mask comes from tfjs's own Dropout layer, loaded with the model code (not at start-up).
  const draw = useCallback(() => {
    void import('../../model/dropoutMask').then((m) => setDrawn(m.drawDropoutMask(units, rate)));
  }, [units, rate]);
  useEffect(draw, [draw]);
  const training = reported && reported !== dismissed && reported.units === units && reported.rate === rate ? reported : null;
  const mask = training ? valuesOf(training) : drawn;
  if (!mask) return null;
  const live = !!training && ACTIVE.includes(phase);
  const drawAgain = () => {
    setDismissed(training);
    draw();
  };
  const dropped = mask.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
  const kept = mask.find((v) => v !== 0) ?? 0;
  const caption = captionOf(training, phase);
  return (
    <>
      <div className="dropout-panel__row">
        <button type="button" data-testid="dropout-new-step" onClick={drawAgain} disabled={live}>
          {t('dropout.newStep')}
        </button>
        <span data-testid="dropout-summary">{t('dropout.summary', { dropped, units, kept: kept.toFixed(2) })}</span>
      </div>
      <p
        className={training ? 'dropout-panel__step dropout-panel__step--training' : 'dropout-panel__step'}
        data-testid="dropout-step"
        data-live={live ? 'true' : 'false'}
      >
        {caption.step === undefined ? t(caption.key) : t(caption.key, { step: caption.step })}
      </p>
      <div
        className="dropout-panel__grid"
        style={{ gridTemplateColumns: `repeat(${columnsFor(units)}, 1fr)` }}
        role="img"
        aria-label={t('dropout.gridLabel', { dropped, units })}
        data-testid="dropout-mask"
        data-source={training ? 'training' : 'drawn'}
        data-step={training ? training.step : undefined}
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

/**
 * Which units of the dense layer one training step drops: while a run goes on, the masks its
 * steps really applied (a recent step's, a few times a second); otherwise one drawn here
 * with the same Dropout layer, afresh at every "New training step".
 */
export function DropoutPanel({ spec, ready, run }: DropoutPanelProps) {
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
          {ready && <MaskGrid key={`${layer.units}:${layer.dropout}`} units={layer.units} rate={layer.dropout} run={run} />}
          <p className="dropout-panel__note">{t('dropout.atPrediction')}</p>
        </>
      )}
    </section>
  );
}
