import { useTranslation } from 'react-i18next';
import { SoftmaxBars } from '../../charts/SoftmaxBars';
import { argmax } from '../../core/argmax';
import type { Grid } from '../../core/grid';
import type { ReplayFrame } from '../../model/replayFrame';
import { COLOUR_SCALES } from '../../render/palette';
import type { Domain } from '../../render/paintGrid';
import { FeatureMapThumb } from '../common/FeatureMapThumb';

/** At most this many kernels and maps are drawn (a layer may have 128). */
export const REPLAY_CHANNELS = 32;

export interface ReplayFrameViewProps {
  readonly frame: ReplayFrame;
  /** The kernels' colour range, the same for every copy of the run, so their growth shows. */
  readonly kernelDomain: Domain;
}

/** Largest |value| of a list of grids (at least a tiny positive number). */
export function largestMagnitude(grids: readonly Grid[]): number {
  let top = 1e-6;
  for (const g of grids) for (const v of g.data) top = Math.max(top, Math.abs(v));
  return top;
}

function Channels({
  grids,
  label,
  domain,
  diverging,
  side,
}: {
  grids: readonly Grid[];
  label: (i: number) => string;
  domain: Domain;
  diverging: boolean;
  side: number;
}) {
  const { t } = useTranslation('replay');
  return (
    <>
      <div className="replay__channels">
        {grids.slice(0, REPLAY_CHANNELS).map((g, i) => (
          <FeatureMapThumb key={i} grid={g} scale={COLOUR_SCALES[diverging ? 'diverging' : 'sequential']} domain={domain} side={side} label={label(i)} />
        ))}
      </div>
      {grids.length > REPLAY_CHANNELS && <p className="muted replay__note">{t('firstChannels', { shown: REPLAY_CHANNELS, count: grids.length })}</p>}
    </>
  );
}

/** The first layer's kernels, the first block's maps of the digit, and the prediction, at one copy. */
export function ReplayFrameView({ frame, kernelDomain }: ReplayFrameViewProps) {
  const { t } = useTranslation('replay');
  const probabilities = Array.from(frame.probabilities);
  const digit = argmax(probabilities);
  const low = Math.min(...frame.maps.map((g) => Math.min(...g.data)));
  const top = largestMagnitude(frame.maps);
  const signed = low < 0;
  const kernelSum = frame.kernels.reduce((sum, g) => sum + g.data.reduce((a, v) => a + Math.abs(v), 0), 0);
  return (
    <div className="replay__frame">
      <div
        className="replay__part"
        data-testid="replay-kernels"
        data-count={frame.kernels.length}
        data-values={Array.from(frame.kernels[0].data).join(',')}
        data-abs-sum={kernelSum}
      >
        <h4>{t('kernels', { count: frame.kernels.length })}</h4>
        <Channels grids={frame.kernels} label={(i) => t('kernel', { n: i + 1 })} domain={kernelDomain} diverging side={44} />
      </div>
      <div className="replay__part" data-testid="replay-maps" data-layer={frame.mapsLayer} data-count={frame.maps.length}>
        <h4>{t('maps', { layer: frame.mapsLayer, side: frame.maps[0]?.height ?? 0 })}</h4>
        <Channels grids={frame.maps} label={(i) => t('map', { n: i + 1 })} domain={signed ? [-top, top] : [0, top]} diverging={signed} side={52} />
      </div>
      <div className="replay__part" data-testid="replay-prediction" data-digit={digit} data-probabilities={probabilities.join(',')}>
        <h4>{t('prediction', { digit, percent: (probabilities[digit] * 100).toFixed(1) })}</h4>
        <SoftmaxBars probabilities={frame.probabilities} width={240} height={90} testId="replay-softmax" />
      </div>
    </div>
  );
}
