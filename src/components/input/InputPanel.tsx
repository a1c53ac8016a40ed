import { useCallback, useState, type Dispatch, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MnistData } from '../../data/mnistFormat';
import { COLOUR_SCALES } from '../../render/palette';
import type { SampleId } from '../../data/split';
import type { InputSnapshot, InputStore } from '../../state/inputStore';
import { currentStrokes, DEFAULT_BRUSH, type LabAction, type InputSource } from '../../state/labState';
import { DrawingPad } from './DrawingPad';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import { useCommitCount } from '../common/useCommitCount';
import type { PenHandlers } from './usePenInput';
import { useLiveInput, useLiveValue } from './useLiveInput';
import { SampleBrowser } from './SampleBrowser';
import { UploadButton, type UploadError } from './UploadButton';
import { PanelInfo } from '../info/PanelInfo';

export interface InputPanelProps {
  /** The lab state's input (changes when a stroke ends, not during it). */
  readonly source: InputSource;
  /** The live input, with the stroke being drawn. */
  readonly store: InputStore;
  readonly pen: PenHandlers;
  readonly data: MnistData | null;
  readonly dataProgress: number;
  readonly dataError: string | null;
  readonly dispatch: Dispatch<LabAction>;
  /** The network's prediction, shown right under the pad. */
  readonly prediction?: ReactNode;
}

function describeSource(t: TFunction<'input'>, source: InputSource): string {
  if (source.kind === 'sample') return t('source.sample', { digit: source.id.digit, index: source.id.index });
  if (source.kind === 'upload') return t('source.upload', { name: source.name });
  return source.strokes.length === 0 ? t('source.empty') : t('source.drawing');
}

const hasStrokes = (live: InputSnapshot) => currentStrokes(live.source).length > 0;

/** The input as the network sees it (28x28), following the pen. */
function LivePreview({ store }: { readonly store: InputStore }) {
  const { image } = useLiveInput(store);
  return image ? <FeatureMapThumb grid={image} scale={COLOUR_SCALES.grey} side={84} /> : <div className="empty-thumb" />;
}

/**
 * Where the digit comes from: the drawing pad, a real MNIST sample, or an uploaded picture.
 * A pen move renders only its preview (and its text when that changes); `data-renders` on
 * the section counts the panel's own commits.
 */
export function InputPanel({ source, store, pen, data, dataProgress, dataError, dispatch, prediction }: InputPanelProps) {
  const { t, i18n } = useTranslation('input');
  const [brush, setBrush] = useState(DEFAULT_BRUSH);
  const onPick = useCallback((id: SampleId) => dispatch({ type: 'pickSample', id }), [dispatch]);
  const [uploadError, setUploadError] = useState<UploadError | null>(null);
  const describe = useCallback((live: InputSnapshot) => describeSource(t, live.source), [t]);
  const description = useLiveValue(store, describe);
  const undoable = useLiveValue(store, hasStrokes);
  const onBegin = useCallback(() => setUploadError(null), []);
  const counted = useCommitCount<HTMLElement>();
  return (
    <section ref={counted} className="panel input-panel" aria-labelledby="input-title" data-testid="input-panel">
      <header className="panel__header">
        <div className="titled">
          <h2 id="input-title">{t('title')}</h2>
          <PanelInfo what="input" />
        </div>
        <p className="muted" data-testid="input-source">
          {description}
        </p>
      </header>
      <div className="input-panel__pad">
        <DrawingPad store={store} brush={brush} side={240} pen={pen} onBegin={onBegin} />
        <figure className="input-panel__preview">
          <LivePreview store={store} />
          <figcaption>{t('previewCaption')}</figcaption>
          <PanelInfo what="pad" />
        </figure>
      </div>
      <div className="input-panel__tools">
        <button type="button" data-testid="clear" onClick={() => dispatch({ type: 'clearDrawing' })}>
          {t('clear')}
        </button>
        <button type="button" data-testid="undo" disabled={!undoable} onClick={() => dispatch({ type: 'undoStroke' })}>
          {t('undo')}
        </button>
        <label className="brush">
          {t('brush')}
          <input
            type="range"
            min={0.03}
            max={0.15}
            step={0.005}
            value={brush}
            aria-label={t('brushSize')}
            data-testid="brush"
            onChange={(e) => setBrush(Number(e.target.value))}
          />
        </label>
        <UploadButton
          onImage={(name, img) => {
            setUploadError(null);
            dispatch({ type: 'upload', name, image: img });
          }}
          onError={setUploadError}
        />
      </div>
      {uploadError && (
        <p className="error" role="alert" data-testid="input-error">
          {t('upload.refused', { name: uploadError.name, reason: t(`upload.problem.${uploadError.code}`, uploadError.params) })}
        </p>
      )}
      {prediction}
      <div className="titled subhead">
        <h3>{t('samplesTitle')}</h3>
        <PanelInfo what="samples" />
      </div>
      {data ? (
        <SampleBrowser data={data} current={source.kind === 'sample' ? source.id : null} onPick={onPick} />
      ) : dataError ? (
        <p className="error" role="alert">
          {dataError}
        </p>
      ) : (
        <div className="progress" data-testid="data-progress">
          <progress max={1} value={Number.isFinite(dataProgress) ? dataProgress : undefined} aria-label={t('loadingDigitsLabel')} />
          <span className="muted">
            {t('loadingDigits', { count: 10000, total: (10000).toLocaleString(i18n.language) })}{' '}
            {Number.isFinite(dataProgress) ? `${Math.round(dataProgress * 100)}%` : ''}
          </span>
        </div>
      )}
    </section>
  );
}
