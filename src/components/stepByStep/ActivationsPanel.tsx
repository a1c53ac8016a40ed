import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../export/Figure';
import { ACTIVATION_NAMES, applyActivation, type ActivationName } from '../../core/activations';
import { extractChannel, finiteRange } from '../../core/channels';
import type { LayerOutput } from '../../model/activations';
import { ActivationPlot } from '../../charts/ActivationPlot';
import { ColourLegend } from '../../charts/ColourLegend';
import { CHART, COLOUR_SCALES, type ColourScale } from '../../render/palette';
import { symmetricDomain, type Domain } from '../../render/paintGrid';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import { InfoButton } from '../info/InfoButton';

export interface ActivationsPanelProps {
  /** The CNN's first convolution output for the current digit, before its activation. */
  readonly conv1: LayerOutput | null;
}

const MAP_SIDE = 150;
const TITLES: Record<ActivationName, string> = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'tanh' };

/** How each activation's output is coloured (its range decides the scale). */
function colouring(name: ActivationName, max: number): { scale: ColourScale; domain: Domain } {
  if (name === 'tanh') return { scale: COLOUR_SCALES.diverging, domain: [-1, 1] };
  if (name === 'sigmoid') return { scale: COLOUR_SCALES.sequential, domain: [0, 1] };
  return { scale: COLOUR_SCALES.sequential, domain: [0, Math.max(max, 1e-6)] };
}

/** ReLU, sigmoid and tanh side by side: the curve, its slope, and what each does to a real feature map. */
export function ActivationsPanel({ conv1 }: ActivationsPanelProps) {
  const { t } = useTranslation('lessons');
  const [channel, setChannel] = useState(0);
  const channels = conv1 && conv1.shape.length === 3 ? conv1.shape[2] : 0;
  const ch = Math.min(channel, Math.max(channels - 1, 0));
  const raw = useMemo(() => (conv1 && channels > 0 ? extractChannel(conv1.data, conv1.shape[0], conv1.shape[1], channels, ch) : null), [conv1, channels, ch]);
  const rawDomain = useMemo(() => (raw ? symmetricDomain(...finiteRange(raw.data)) : ([-1, 1] as Domain)), [raw]);

  return (
    <section className="panel activations-panel" aria-labelledby="activations-title" data-testid="activations-panel">
      <header className="panel__header lessons-header">
        <h2 id="activations-title">
          {t('activations.title')} <InfoButton panel="activations" topic={t('activations.title')} paragraphs={[t('activations.info')]} />
        </h2>
        <p className="muted">{t('activations.intro')}</p>
      </header>
      <div className="activations__key">
        <span>
          <svg width="26" height="8" aria-hidden="true">
            <line x1="0" x2="26" y1="4" y2="4" stroke={CHART.function} strokeWidth={3} />
          </svg>{' '}
          {t('activations.function')}
        </span>
        <span>
          <svg width="26" height="8" aria-hidden="true">
            <line x1="0" x2="26" y1="4" y2="4" stroke={CHART.derivative} strokeWidth={2} strokeDasharray="5 3" />
          </svg>{' '}
          {t('activations.derivative')}
        </span>
        <label>
          {t('activations.channel')}{' '}
          <select value={ch} data-testid="activation-channel" onChange={(e) => setChannel(Number(e.target.value))} disabled={channels === 0}>
            {Array.from({ length: channels }, (_, c) => (
              <option key={c} value={c}>
                {c + 1}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!raw ? (
        <p className="muted">{t('activations.loading')}</p>
      ) : (
        <div className="activations__grid">
          <figure className="activations__before">
            <FeatureMapThumb
              grid={raw}
              scale={COLOUR_SCALES.diverging}
              domain={rawDomain}
              side={MAP_SIDE}
              label={t('activations.beforeLabel', { n: ch + 1 })}
            />
            <ColourLegend scale={COLOUR_SCALES.diverging} domain={rawDomain} title={t('activations.beforeLegend')} width={MAP_SIDE + 10} />
            <figcaption>{t('activations.before', { n: ch + 1 })}</figcaption>
          </figure>
          {ACTIVATION_NAMES.map((name) => (
            <ActivationColumn key={name} name={name} raw={raw} />
          ))}
        </div>
      )}
    </section>
  );
}

function ActivationColumn({ name, raw }: { name: ActivationName; raw: NonNullable<ReturnType<typeof extractChannel>> }) {
  const { t } = useTranslation('lessons');
  const after = useMemo(() => applyActivation(raw, name), [raw, name]);
  const { scale, domain } = colouring(name, finiteRange(after.data)[1]);
  return (
    <figure className="activations__column" data-testid={`activation-${name}`}>
      <Figure title={TITLES[name]} name={[name]} vector testId={`figure-activation-${name}`}>
        <ActivationPlot
          name={name}
          title={TITLES[name]}
          functionLabel={t('activations.function')}
          derivativeLabel={t('activations.derivative')}
          testId={`activation-plot-${name}`}
        />
      </Figure>
      <p className="activations__formula">{t(`activations.${name}Formula`)}</p>
      <div data-testid={`activation-map-${name}`} className="activations__map">
        <FeatureMapThumb grid={after} scale={scale} domain={domain} side={MAP_SIDE} label={t('activations.afterLabel', { name: TITLES[name] })} />
      </div>
      <ColourLegend scale={scale} domain={domain} title={t('activations.afterLegend', { name: TITLES[name] })} width={MAP_SIDE + 10} />
      <figcaption>{t(`activations.${name}Effect`)}</figcaption>
    </figure>
  );
}
