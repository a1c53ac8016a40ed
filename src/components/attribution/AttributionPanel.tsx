import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image28 } from '../../core/grid';
import { argmax } from '../../core/argmax';
import { DEFAULT_OCCLUSION } from '../../core/occlusion';
import { summariseMap, type MapSummary } from '../../core/mapSummary';
import type { ModelSession, SessionStatus } from '../../model/session';
import { COLOUR_SCALES } from '../../render/palette';
import { symmetricDomain, type Domain } from '../../render/paintGrid';
import { PanelHeader } from '../info/PanelHeader';
import { PanelNotices } from '../info/PanelNotices';
import { useOnScreen } from '../common/useOnScreen';
import { AttributionMap } from './AttributionMap';
import { useAttribution } from './useAttribution';
import '../../styles/attribution.css';

const DIGITS = Array.from({ length: 10 }, (_, d) => d);
/** CSS pixels of a map's side: 7 per input pixel. */
const MAP_SIDE = 196;

export interface AttributionPanelProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  /** The input as of the last finished stroke (or the sample, upload, ...). */
  readonly image: Image28 | null;
  /** The chosen class, null for the predicted one (kept in the link). */
  readonly chosen: number | null;
  readonly onChoose: (classIndex: number | null) => void;
}

/** Numbers to a few significant digits for captions and data attributes (exact enough to compare, short enough to read). */
const short = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(3));

function summaryData(classIndex: number, s: MapSummary): Record<`data-${string}`, string | number> {
  return { 'data-class': classIndex, 'data-max': s.max, 'data-min': s.min, 'data-max-abs': s.maxAbs, 'data-max-abs-at': s.maxAbsAt, 'data-sum': s.sum };
}

/**
 * Why the network decided: saliency, occlusion and Grad-CAM of one class (the predicted one,
 * or any digit chosen with the buttons) for the digit on the page, side by side over the
 * digit. The maps follow the end of each stroke and the model in view, never a pen move.
 */
export function AttributionPanel({ session, status, image, chosen, onChoose }: AttributionPanelProps) {
  const { t } = useTranslation('attribution');
  const box = useRef<HTMLElement>(null);
  const active = useOnScreen(box);
  const { logProbabilities, predicted, classIndex, occlusion, gradients, error } = useAttribution(session, status, image, chosen, active);
  const current = image !== null && classIndex !== null;
  const occlusionResult = occlusion && classIndex !== null ? occlusion.results[classIndex] : null;
  const occlusionReady = current && occlusion?.image === image && occlusion.version === status?.version;
  const gradientsReady = current && gradients?.image === image && gradients.classIndex === classIndex && gradients.version === status?.version;
  const training = status?.training ?? false;
  const state = !image || logProbabilities === null ? 'empty' : occlusionReady && gradientsReady ? 'ready' : training ? 'waiting' : 'busy';
  const digit = classIndex ?? 0;

  const header = <PanelHeader titleId="attribution-title" title={t('title')} panel="attribution" paragraphs={[t('info1'), t('info2'), t('info3')]} />;

  const body = () => {
    if (!image || !status) return <p className="muted">{t('waitingModel')}</p>;
    if (logProbabilities === null || classIndex === null || predicted === null) return <p className="muted">{t('empty')}</p>;
    const logP = logProbabilities[classIndex];
    const sal = gradients?.saliency ?? null;
    const salSummary = sal ? summariseMap(sal.gradient) : null;
    const occSummary = occlusionResult ? summariseMap(occlusionResult.map) : null;
    const camSummary = gradients?.placed ? summariseMap(gradients.placed) : null;
    const cam = gradients?.gradCam ?? null;
    const dropIndex = occlusionResult ? argmax(occlusionResult.drops.data) : -1;
    const dropRow = occlusionResult && dropIndex >= 0 ? occlusionResult.rows[Math.floor(dropIndex / occlusionResult.cols.length)] : 0;
    const dropCol = occlusionResult && dropIndex >= 0 ? occlusionResult.cols[dropIndex % occlusionResult.cols.length] : 0;
    const maxDrop = occlusionResult && dropIndex >= 0 ? occlusionResult.drops.data[dropIndex] : 0;
    const salDomain: Domain = symmetricDomain(-(salSummary?.maxAbs ?? 0), salSummary?.maxAbs ?? 0);
    const occDomain: Domain = symmetricDomain(-(occSummary?.maxAbs ?? 0), occSummary?.maxAbs ?? 0);
    const camDomain: Domain = [0, Math.max(camSummary?.max ?? 0, 1e-6)];
    const classText = String(digit);
    return (
      <>
        <p className="attribution__facts" data-testid="attribution-log-probability" data-value={logP}>
          {t('predictedIs', { digit: predicted })} {t('logProbability', { digit: classText, value: short(logP), percent: formatPercent(Math.exp(logP)) })}
        </p>
        <div className="attribution__maps">
          <AttributionMap
            method="saliency"
            title={t('saliency.title')}
            label={t('saliency.label', { digit: classText, max: short(salSummary?.maxAbs ?? 0) })}
            legendTitle={t('saliency.legend')}
            input={image}
            map={sal?.gradient ?? null}
            scale={COLOUR_SCALES.diverging}
            domain={salDomain}
            data={{
              ...(salSummary && gradients ? summaryData(gradients.classIndex, salSummary) : {}),
              // Every pixel's gradient, for tests that compare it pixel by pixel (written after a stroke ends, not per pen move).
              ...(sal ? { 'data-values': Array.from(sal.gradient.data, (v) => v.toPrecision(6)).join(' ') } : {}),
              'data-ready': String(gradientsReady),
            }}
            side={MAP_SIDE}
            fileName={['saliency', `class-${digit}`]}
          >
            {sal ? t('saliency.caption', { digit: gradients?.classIndex }) : t('computing')}
          </AttributionMap>
          <AttributionMap
            method="occlusion"
            title={t('occlusion.title')}
            label={t('occlusion.label', { digit: classText, drop: short(maxDrop) })}
            legendTitle={t('occlusion.legend')}
            input={image}
            map={occlusionResult?.map ?? null}
            scale={COLOUR_SCALES.diverging}
            domain={occDomain}
            data={{
              ...(occSummary ? summaryData(digit, occSummary) : {}),
              ...(occlusionResult
                ? { 'data-baseline': occlusionResult.baseline, 'data-max-drop': maxDrop, 'data-max-drop-row': dropRow, 'data-max-drop-col': dropCol }
                : {}),
              'data-ready': String(occlusionReady),
            }}
            box={occlusionResult && dropIndex >= 0 ? { top: dropRow, left: dropCol, size: DEFAULT_OCCLUSION.patch } : null}
            side={MAP_SIDE}
            fileName={['occlusion', `class-${digit}`]}
          >
            {occlusionResult ? t('occlusion.caption', { digit: classText, drop: short(maxDrop), row: dropRow + 1, col: dropCol + 1 }) : t('computing')}
          </AttributionMap>
          <AttributionMap
            method="gradcam"
            title={t('gradcam.title')}
            label={t('gradcam.label', { digit: classText, layer: cam?.layer ?? '', max: short(camSummary?.max ?? 0) })}
            legendTitle={t('gradcam.legend')}
            input={image}
            map={gradients?.placed ?? null}
            scale={COLOUR_SCALES.sequential}
            domain={camDomain}
            data={{
              ...(camSummary && gradients ? summaryData(gradients.classIndex, camSummary) : {}),
              ...(cam ? { 'data-layer': cam.layer, 'data-cells': cam.coarse.height, 'data-coarse-max': summariseMap(cam.coarse).max } : {}),
              'data-no-conv': String(gradients !== null && cam === null),
              'data-ready': String(gradientsReady),
            }}
            side={MAP_SIDE}
            fileName={['grad-cam', `class-${digit}`]}
          >
            {gradients && !cam
              ? t('gradcam.noConv')
              : cam
                ? t('gradcam.caption', { digit: gradients?.classIndex, layer: cam.layer, side: cam.coarse.height })
                : t('computing')}
          </AttributionMap>
        </div>
      </>
    );
  };

  return (
    <section
      ref={box}
      className="panel teach-panel attribution"
      aria-labelledby="attribution-title"
      data-testid="attribution-panel"
      data-state={state}
      data-predicted={predicted ?? ''}
      data-class={classIndex ?? ''}
      data-version={status?.version ?? ''}
    >
      {header}
      <p className="muted">{t('intro')}</p>
      <div className="attribution__classes" role="group" aria-label={t('classGroup')}>
        <span className="attribution__classes-label">{t('classGroup')}:</span>
        <button
          type="button"
          className="attribution__class"
          aria-pressed={chosen === null}
          data-testid="attribution-class-predicted"
          onClick={() => onChoose(null)}
        >
          {t('predicted')}
          {predicted !== null ? ` (${predicted})` : ''}
        </button>
        {DIGITS.map((d) => (
          <button
            key={d}
            type="button"
            className="attribution__class"
            aria-pressed={chosen === d}
            aria-label={t('classButton', { digit: d })}
            data-testid={`attribution-class-${d}`}
            onClick={() => onChoose(d)}
          >
            {d}
          </button>
        ))}
      </div>
      {body()}
      <PanelNotices waiting={training ? t('training') : null} failure={error ? t('failed', { reason: error }) : null} className="attribution__note" />
      <p className="muted attribution__where" data-testid="attribution-where" data-backend={status?.backend.backend ?? ''}>
        {t('where', { backend: status?.backend.backend ?? '…' })}
      </p>
    </section>
  );
}

/** A probability as a percentage, with enough digits to tell it from 0 % or 100 %. */
function formatPercent(p: number): string {
  if (p < 1e-4) return `${(100 * p).toExponential(1)} %`;
  return p >= 0.9999 ? `${(100 * p).toFixed(4)} %` : `${(100 * p).toFixed(2)} %`;
}
