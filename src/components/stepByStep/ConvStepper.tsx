import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../export/Figure';
import { filledOutput } from '../../core/convSteps';
import { passesThreshold } from '../../core/threshold';
import { padGrid, type Image28 } from '../../core/grid';
import type { LayerOutput } from '../../model/activations';
import type { ModelSession } from '../../model/session';
import { symmetricDomain } from '../../render/paintGrid';
import { COLOUR_SCALES, VIEW } from '../../render/palette';
import type { LabState } from '../../state/labState';
import { ColourLegend } from '../../charts/ColourLegend';
import { FeatureMap, type CellBox } from '../common/FeatureMap';
import { InfoButton } from '../info/InfoButton';
import { formatNumber, StepArithmetic } from './StepArithmetic';
import { StepperControls } from './StepperControls';
import { StepperOutput } from './StepperOutput';
import { parseSourceKey, sourceKey, useFirstLayerKernels, useStepperSetup, type StepperSource } from './useStepperSource';

export interface ConvStepperProps {
  readonly image: Image28;
  readonly lab: LabState;
  readonly session: ModelSession | null;
  /** Changes whenever the model in view or its weights change. */
  readonly modelVersion: number;
  /** The network's own conv1 output for `image` (a check of the hand computation), if known. */
  readonly conv1: LayerOutput | null;
}

/** CSS pixels the padded input and the output map are drawn at (their side). */
const INPUT_CSS_SIDE = 260;
const OUTPUT_CSS_SIDE = 234;

/** Step a kernel over the input one position at a time, with the arithmetic of each position. */
export function ConvStepper({ image, lab, session, modelVersion, conv1 }: ConvStepperProps) {
  const { t } = useTranslation('lessons');
  const [source, setSource] = useState<StepperSource>({ kind: 'edge', slot: 0 });
  const [filled, setFilled] = useState(1);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const first = useFirstLayerKernels(session, modelVersion);
  const setup = useStepperSetup(source, image, lab, first);
  const count = setup?.sequence.steps.length ?? 0;
  const shown = Math.max(Math.min(filled, count), count > 0 ? 1 : 0);
  const step = shown > 0 ? setup!.sequence.steps[shown - 1] : null;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setFilled((f) => f + 1), 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
  useEffect(() => {
    if (playing && filled >= count) setPlaying(false);
  }, [playing, filled, count]);

  const output = useMemo(() => (setup ? filledOutput(setup.sequence, shown) : null), [setup, shown]);
  const domain = useMemo(() => {
    let lo = 0;
    let hi = 0;
    for (const s of setup?.sequence.steps ?? []) {
      lo = Math.min(lo, s.output);
      hi = Math.max(hi, s.output);
    }
    return symmetricDomain(lo, hi);
  }, [setup]);
  const padded = useMemo(() => (setup ? padGrid(setup.input, setup.conv.padding) : null), [setup]);

  const boxes: CellBox[] = [];
  if (setup && setup.conv.padding > 0) {
    boxes.push({ top: setup.conv.padding, left: setup.conv.padding, height: setup.input.height, width: setup.input.width, colour: VIEW.padding, dashed: true });
  }
  if (setup && step) boxes.push({ top: step.windowTop, left: step.windowLeft, height: setup.kernel.height, width: setup.kernel.width, colour: VIEW.highlight });

  const isCnn = source.kind === 'cnn';
  // With 'same' padding and a stride above 1, tfjs pads unevenly (more at the bottom and right),
  // which the symmetric stepping does not reproduce: no comparison then.
  const comparable = setup !== null && (setup.conv.padding === 0 || setup.conv.stride === 1);
  const modelValue =
    isCnn &&
    comparable &&
    step &&
    conv1 &&
    conv1.shape.length === 3 &&
    conv1.shape[0] === setup?.sequence.outHeight &&
    conv1.shape[1] === setup.sequence.outWidth
      ? conv1.data[(step.outRow * conv1.shape[1] + step.outCol) * conv1.shape[2] + source.channel]
      : null;
  const filterNames = [0, 1, 2, 3].map((i) => t('stepper.edgeFilter', { n: i + 1 }));
  const sourceName = isCnn ? t('stepper.cnnChannel', { n: source.channel + 1 }) : filterNames[source.kind === 'edge' ? source.slot : 0];

  return (
    <section className="panel conv-stepper" aria-labelledby="stepper-title" data-testid="conv-stepper">
      <header className="panel__header lessons-header">
        <h2 id="stepper-title">
          {t('stepper.title')} <InfoButton panel="stepper" topic={t('stepper.title')} paragraphs={[t('stepper.info')]} />
        </h2>
        <p className="muted">{t('stepper.intro')}</p>
      </header>
      <div className="conv-stepper__top">
        <label>
          {t('stepper.source')}{' '}
          <select
            value={sourceKey(source)}
            data-testid="stepper-source"
            onChange={(e) => {
              setPlaying(false);
              setSource(parseSourceKey(e.target.value));
            }}
          >
            <optgroup label={t('stepper.edgeGroup')}>
              {filterNames.map((name, i) => (
                <option key={i} value={`edge-${i}`}>
                  {name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('stepper.cnnGroup')}>
              {(first?.kernels ?? []).map((_, c) => (
                <option key={c} value={`cnn-${c}`}>
                  {t('stepper.cnnChannel', { n: c + 1 })}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {setup && (
          <span className="muted">
            {t('stepper.settings', {
              k: `${setup.kernel.height}×${setup.kernel.width}`,
              stride: setup.conv.stride,
              padding: setup.conv.padding,
              out: `${setup.sequence.outHeight}×${setup.sequence.outWidth}`,
            })}
          </span>
        )}
      </div>
      <StepperControls
        playing={playing}
        atStart={shown <= 1}
        atEnd={shown >= count}
        speed={speed}
        onPlay={() => {
          if (shown >= count) return;
          setFilled(shown);
          setPlaying(true);
        }}
        onPause={() => setPlaying(false)}
        onBack={() => setFilled(Math.max(1, shown - 1))}
        onStep={() => setFilled(Math.min(count, shown + 1))}
        onReset={() => {
          setPlaying(false);
          setFilled(1);
        }}
        onSpeed={setSpeed}
      />
      {!setup || !padded || !output || !step ? (
        <p className="muted">{t('stepper.loading')}</p>
      ) : (
        <div className="conv-stepper__body">
          <figure style={{ width: INPUT_CSS_SIDE }}>
            <FeatureMap
              grid={padded}
              scale={COLOUR_SCALES.grey}
              domain={[0, setup.inputMax]}
              side={INPUT_CSS_SIDE}
              label={t('stepper.inputLabel', { h: padded.height, w: padded.width })}
              boxes={boxes}
            />
            <figcaption>
              {isCnn ? t('stepper.inputCnn') : t('stepper.inputEdge', { max: setup.inputMax })}
              {setup.conv.padding > 0 ? ` ${t('stepper.withPadding', { count: setup.conv.padding })}` : ''}
            </figcaption>
          </figure>
          <div className="conv-stepper__middle">
            <p className="conv-stepper__position" data-testid="stepper-position" data-row={step.outRow} data-col={step.outCol} aria-live="polite">
              {t('stepper.position', { row: step.outRow + 1, col: step.outCol + 1, n: shown, total: count })}
            </p>
            <p className="muted">{t('stepper.arithIntro', { source: sourceName })}</p>
            <StepArithmetic step={step} kernelWidth={setup.kernel.width} withBias={isCnn} />
            {!isCnn && (
              <p className="muted" data-testid="stepper-threshold">
                {t(passesThreshold(step.output, lab.rule.threshold, lab.rule.comparator) ? 'stepper.thresholdFires' : 'stepper.thresholdQuiet', {
                  sum: formatNumber(step.output),
                  cmp: lab.rule.comparator === '>=' ? '≥' : '>',
                  threshold: lab.rule.threshold,
                })}
              </p>
            )}
            {modelValue !== null && (
              <p className="muted" data-testid="stepper-model-value" data-value={modelValue}>
                {t('stepper.modelCheck', { value: formatNumber(modelValue) })}
              </p>
            )}
          </div>
          <figure style={{ width: OUTPUT_CSS_SIDE }}>
            <Figure title={t('stepper.outputLegend')} name={['convolution-output']} testId="figure-stepper-output">
              <StepperOutput
                grid={output}
                filled={shown}
                current={{ row: step.outRow, col: step.outCol }}
                scale={COLOUR_SCALES.diverging}
                domain={domain}
                side={OUTPUT_CSS_SIDE}
                label={t('stepper.outputLabel', { filled: shown, total: count })}
                onPick={(cell) => {
                  setPlaying(false);
                  setFilled(cell.row * setup.sequence.outWidth + cell.col + 1);
                }}
              />
            </Figure>
            <ColourLegend scale={COLOUR_SCALES.diverging} domain={domain} title={t('stepper.outputLegend')} width={OUTPUT_CSS_SIDE} />
            <figcaption>{t('stepper.outputCaption', { filled: shown, total: count })}</figcaption>
          </figure>
        </div>
      )}
    </section>
  );
}
