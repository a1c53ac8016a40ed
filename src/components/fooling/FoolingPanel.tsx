import { useMemo, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { createGrid, type Image28 } from '../../core/grid';
import { EPSILON_MAX, EPSILON_STEP, TARGETED_ALPHA, TARGETED_MAX_STEPS } from '../../model/fooling/attacks';
import type { ModelSession, SessionStatus } from '../../model/session';
import type { LabAction } from '../../state/labState';
import type { InputStore } from '../../state/inputStore';
import { COLOUR_SCALES } from '../../render/palette';
import { PanelHeader } from '../info/PanelHeader';
import { PanelNotices } from '../info/PanelNotices';
import { Figure } from '../export/Figure';
import { useOnScreen } from '../common/useOnScreen';
import { FoolingBars } from './FoolingBars';
import { FoolingMap } from './FoolingMap';
import { useFooling, type FoolingSettings } from './useFooling';
import '../../styles/fooling.css';

const DIGITS = Array.from({ length: 10 }, (_, d) => d);
/** CSS pixels of a picture's side: 6 per input pixel. */
const SIDE = 168;
const GREY_DOMAIN = [0, 1] as const;

export interface FoolingPanelProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  readonly image: Image28 | null;
  readonly store: InputStore;
  readonly dispatch: Dispatch<LabAction>;
  readonly settings: FoolingSettings;
  readonly onSettings: (settings: FoolingSettings) => void;
}

const fixed2 = (v: number) => v.toFixed(2);
const percent = (p: number) => `${(100 * p).toFixed(1)} %`;

/**
 * Fooling the network: FGSM and its iterative, targeted variant on the digit on the page,
 * with the perturbation (amplified), the fooled input, both sets of probabilities and the
 * smallest epsilon that changes the prediction.
 */
export function FoolingPanel({ session, status, image, store, dispatch, settings, onSettings }: FoolingPanelProps) {
  const { t } = useTranslation('fooling');
  const box = useRef<HTMLElement>(null);
  const active = useOnScreen(box);
  // The source is read again when the image changes (a stroke's end, a new sample), never per pen move.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const source = useMemo(() => store.get().source, [store, image]);
  const trueLabel = source.kind === 'sample' ? source.id.digit : null;
  const { epsilon, method } = settings;
  const f = useFooling(session, status, image, trueLabel, settings, active);
  const training = status?.training ?? false;
  const ready = f.fooled !== null && (method === 'targeted' || f.search !== null);
  const state = !image || f.original === null ? 'empty' : ready ? 'ready' : training ? 'waiting' : 'busy';

  const perturbation = useMemo(() => {
    if (!image || !f.fooled) return null;
    const { data } = f.fooled.input;
    return createGrid(
      image.height,
      image.width,
      data.map((v, i) => v - image.data[i]),
    );
  }, [image, f.fooled]);
  const amplitude = Math.max(epsilon, EPSILON_STEP);

  const header = <PanelHeader titleId="fooling-title" title={t('title')} panel="fooling" paragraphs={[t('info1'), t('info2'), t('info3')]} />;

  const controls = (
    <div className="fooling__controls">
      <div className="fooling__methods" role="group" aria-label={t('method')}>
        <span className="fooling__label">{t('method')}:</span>
        {(['fgsm', 'targeted'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={method === m} data-testid={`fooling-method-${m}`} onClick={() => onSettings({ ...settings, method: m })}>
            {t(`methods.${m}`)}
          </button>
        ))}
      </div>
      <label className="fooling__epsilon">
        <span className="fooling__label">{t('epsilon', { value: fixed2(epsilon) })}</span>
        <input
          type="range"
          min={0}
          max={EPSILON_MAX}
          step={EPSILON_STEP}
          value={epsilon}
          data-testid="fooling-epsilon"
          aria-valuetext={t('epsilonValue', { value: fixed2(epsilon), levels: Math.round(epsilon * 255) })}
          onChange={(e) => onSettings({ ...settings, epsilon: Number(Number(e.target.value).toFixed(2)) })}
        />
      </label>
      {method === 'targeted' && (
        <div className="fooling__targets" role="group" aria-label={t('target')}>
          <span className="fooling__label">{t('target')}:</span>
          {DIGITS.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={f.target === d}
              aria-label={t('targetButton', { digit: d })}
              data-testid={`fooling-target-${d}`}
              onClick={() => onSettings({ ...settings, target: d })}
            >
              {d}
            </button>
          ))}
        </div>
      )}
    </div>
  );

  const body = () => {
    if (!image || !status) return <p className="muted">{t('waitingModel')}</p>;
    if (f.original === null || f.predicted === null || f.label === null) return <p className="muted">{t(status.plain ? 'empty' : 'noPlain')}</p>;
    const fooled = f.fooled;
    const flipped = fooled !== null && fooled.predicted !== f.predicted;
    return (
      <>
        <p className="fooling__how" data-testid="fooling-how">
          {method === 'fgsm'
            ? t(trueLabel === null ? 'fgsm.labelPredicted' : 'fgsm.labelTrue', { digit: f.label })
            : t('targeted.how', { target: f.target, alpha: TARGETED_ALPHA, steps: TARGETED_MAX_STEPS, epsilon: fixed2(epsilon) })}
        </p>
        <div className="fooling__maps">
          <FoolingMap
            testId="fooling-original"
            title={t('maps.original')}
            label={t('maps.originalLabel', { digit: f.predicted })}
            grid={image}
            scale={COLOUR_SCALES.grey}
            domain={GREY_DOMAIN}
            legendTitle={t('maps.greyLegend')}
            side={SIDE}
            fileName={['fooling', 'original']}
          >
            {t('maps.predicted', { digit: f.predicted, percent: percent(f.original[f.predicted]) })}
          </FoolingMap>
          <FoolingMap
            testId="fooling-perturbation"
            title={t('maps.perturbation')}
            label={t('maps.perturbationLabel', { epsilon: fixed2(epsilon) })}
            grid={perturbation}
            scale={COLOUR_SCALES.diverging}
            domain={[-amplitude, amplitude]}
            ticks={[-amplitude, 0, amplitude]}
            legendTitle={t('maps.perturbationLegend', { factor: (1 / amplitude).toFixed(1) })}
            side={SIDE}
            fileName={['fooling', 'perturbation', `eps-${fixed2(epsilon)}`]}
          >
            {t('maps.amplified', { factor: (1 / amplitude).toFixed(1), epsilon: fixed2(amplitude) })}
          </FoolingMap>
          <FoolingMap
            testId="fooling-input"
            title={t('maps.fooled')}
            label={fooled ? t('maps.fooledLabel', { digit: fooled.predicted }) : t('computing')}
            grid={fooled?.input ?? null}
            scale={COLOUR_SCALES.grey}
            domain={GREY_DOMAIN}
            legendTitle={t('maps.greyLegend')}
            side={SIDE}
            fileName={['fooling', method, `eps-${fixed2(epsilon)}`]}
            data={fooled ? { 'data-values': Array.from(fooled.input.data, (v) => v.toPrecision(7)).join(' ') } : {}}
          >
            {fooled ? t('maps.predicted', { digit: fooled.predicted, percent: percent(fooled.probabilities[fooled.predicted]) }) : t('computing')}
          </FoolingMap>
        </div>
        <p
          className={flipped ? 'fooling__verdict fooling__verdict--flipped' : 'fooling__verdict'}
          data-testid="fooling-result"
          data-predicted={fooled?.predicted ?? ''}
          data-probabilities={fooled ? Array.from(fooled.probabilities).join(' ') : ''}
          data-flipped={String(flipped)}
          data-steps={f.targeted?.steps ?? ''}
          data-reached={f.targeted ? String(f.targeted.reached) : ''}
        >
          {!fooled
            ? t('computing')
            : method === 'targeted' && f.targeted
              ? t(f.targeted.reached ? 'targeted.reached' : 'targeted.missed', { target: f.target, steps: f.targeted.steps, digit: fooled.predicted })
              : t(flipped ? 'fgsm.flipped' : 'fgsm.held', { from: f.predicted, to: fooled.predicted, epsilon: fixed2(epsilon) })}
        </p>
        <Figure title={t('bars.title')} name={['fooling', 'probabilities']} vector testId="figure-fooling">
          <FoolingBars original={f.original} fooled={fooled?.probabilities ?? null} />
        </Figure>
        <p className="fooling__smallest" data-testid="fooling-smallest" data-epsilon={f.search?.epsilon ?? ''} data-to={f.search?.flippedTo ?? ''}>
          {!f.search
            ? t('smallest.computing')
            : f.search.epsilon === null
              ? t('smallest.none', { max: fixed2(EPSILON_MAX) })
              : t('smallest.found', {
                  epsilon: fixed2(f.search.epsilon),
                  to: f.search.flippedTo,
                  step: EPSILON_STEP,
                  levels: Math.round(f.search.epsilon * 255),
                })}{' '}
          {t('smallest.definition', { step: EPSILON_STEP, max: fixed2(EPSILON_MAX) })}
        </p>
        {fooled && (
          <button
            type="button"
            className="fooling__load"
            data-testid="fooling-load"
            onClick={() => dispatch({ type: 'upload', name: t('loadedName', { digit: fooled.predicted }), image: fooled.input })}
          >
            {t('load')}
          </button>
        )}
        <div className="fooling__why">
          <p>{t('why.linear')}</p>
          <p>{t('why.visible', { levels: Math.round(epsilon * 255), epsilon: fixed2(epsilon) })}</p>
        </div>
      </>
    );
  };

  return (
    <section
      ref={box}
      className="panel teach-panel fooling"
      aria-labelledby="fooling-title"
      data-testid="fooling-panel"
      data-state={state}
      data-predicted={f.predicted ?? ''}
      data-label={f.label ?? ''}
      data-method={method}
      data-epsilon={epsilon}
      data-target={f.target ?? ''}
      data-version={status?.version ?? ''}
    >
      {header}
      <p className="muted">{t('intro')}</p>
      {controls}
      {body()}
      <PanelNotices waiting={training ? t('training') : null} failure={f.error ? t('failed', { reason: f.error }) : null} className="fooling__note" />
    </section>
  );
}
