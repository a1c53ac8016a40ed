import { useState, type Dispatch, type ReactNode } from 'react';
import type { Image28 } from '../core/grid';
import type { MnistData } from '../data/mnistFormat';
import { COLOUR_SCALES } from '../render/palette';
import { currentStrokes, DEFAULT_BRUSH, type LabAction, type InputSource } from '../state/labState';
import { DrawingPad } from './DrawingPad';
import { FeatureMapThumb } from './FeatureMapThumb';
import { SampleBrowser } from './SampleBrowser';
import { UploadButton } from './UploadButton';

export interface InputPanelProps {
  readonly source: InputSource;
  readonly image: Image28 | null;
  readonly data: MnistData | null;
  readonly dataProgress: number;
  readonly dataError: string | null;
  readonly dispatch: Dispatch<LabAction>;
  /** The network's prediction, shown right under the pad. */
  readonly prediction?: ReactNode;
}

function describeSource(source: InputSource, empty: boolean): string {
  if (source.kind === 'sample') return `MNIST digit ${source.id.digit}, number ${source.id.index}`;
  if (source.kind === 'upload') return `Uploaded: ${source.name}`;
  return empty ? 'Empty pad: draw a digit' : 'Your drawing';
}

/** Where the digit comes from: the drawing pad, a real MNIST sample, or an uploaded picture. */
export function InputPanel({ source, image, data, dataProgress, dataError, dispatch, prediction }: InputPanelProps) {
  const [brush, setBrush] = useState(DEFAULT_BRUSH);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const strokes = currentStrokes(source);
  const background = source.kind === 'drawing' ? null : image;
  return (
    <section className="panel input-panel" aria-labelledby="input-title">
      <header className="panel__header">
        <h2 id="input-title">Input digit</h2>
        <p className="muted" data-testid="input-source">
          {describeSource(source, strokes.length === 0)}
        </p>
      </header>
      <div className="input-panel__pad">
        <DrawingPad
          strokes={strokes}
          background={background}
          brush={brush}
          side={240}
          onBegin={(stroke) => {
            setUploadError(null);
            dispatch({ type: 'beginStroke', stroke });
          }}
          onExtend={(point) => dispatch({ type: 'extendStroke', point })}
        />
        <figure className="input-panel__preview">
          {image ? <FeatureMapThumb grid={image} scale={COLOUR_SCALES.grey} side={84} /> : <div className="empty-thumb" />}
          <figcaption>28 × 28, as MNIST</figcaption>
        </figure>
      </div>
      <div className="input-panel__tools">
        <button type="button" data-testid="clear" onClick={() => dispatch({ type: 'clearDrawing' })}>
          Clear
        </button>
        <button type="button" data-testid="undo" disabled={strokes.length === 0} onClick={() => dispatch({ type: 'undoStroke' })}>
          Undo
        </button>
        <label className="brush">
          Brush
          <input
            type="range"
            min={0.03}
            max={0.15}
            step={0.005}
            value={brush}
            aria-label="Brush size"
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
          {uploadError}
        </p>
      )}
      {prediction}
      <h3 className="subhead">Real MNIST digits</h3>
      {data ? (
        <SampleBrowser data={data} current={source.kind === 'sample' ? source.id : null} onPick={(id) => dispatch({ type: 'pickSample', id })} />
      ) : dataError ? (
        <p className="error" role="alert">
          {dataError}
        </p>
      ) : (
        <div className="progress" data-testid="data-progress">
          <progress max={1} value={Number.isFinite(dataProgress) ? dataProgress : undefined} aria-label="Loading the MNIST digits" />
          <span className="muted">Loading 10,000 MNIST digits… {Number.isFinite(dataProgress) ? `${Math.round(dataProgress * 100)}%` : ''}</span>
        </div>
      )}
    </section>
  );
}
