import { useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../export/Figure';
import { isAbortError } from '../../core/abort';
import { confusionMatrix, type ConfusionMatrix as Matrix } from '../../core/confusion';
import { MNIST_PIXELS, MNIST_SIDE, createGrid } from '../../core/grid';
import type { MnistData } from '../../data/mnistFormat';
import { splitIndices } from '../../data/split';
import type { ModelSession } from '../../model/session';
import { pickDigits } from '../../model/trainingData';
import { COLOUR_SCALES } from '../../render/palette';
import type { InputSource, LabAction } from '../../state/labState';
import { ConfusionMatrix } from '../../charts/ConfusionMatrix';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import { PanelHeader } from '../info/PanelHeader';
import { useErrorText } from '../common/useErrorText';
import '../../styles/teach.css';

export interface ConfusionPanelProps {
  readonly session: ModelSession | null;
  readonly data: MnistData | null;
  /** The session status's `version`: changes whenever the model in view or its weights change. */
  readonly modelVersion: number;
  readonly dispatch: Dispatch<LabAction>;
  /** The current input, to mark the digit that is loaded. */
  readonly source: InputSource;
}

interface Result {
  /** The version of the model in view that gave this matrix. */
  readonly modelVersion: number;
  readonly matrix: Matrix;
  /** Global index into the data set of each held-out digit, in matrix order. */
  readonly globalIndex: Int32Array;
  readonly predicted: Int32Array;
}

type Run = { kind: 'idle' } | { kind: 'running'; progress: number } | { kind: 'error'; error: unknown };

/** Where the model goes wrong: the held-out confusion matrix, and the digits behind each cell. */
export function ConfusionPanel({ session, data, modelVersion, dispatch, source }: ConfusionPanelProps) {
  const { t } = useTranslation('teach');
  const errorText = useErrorText();
  const [result, setResult] = useState<Result | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [selected, setSelected] = useState<{ truth: number; predicted: number } | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  // Leaving the view aborts a run between two batches.
  useEffect(() => () => inFlight.current?.abort(), []);

  const compute = async () => {
    if (!session || !data) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const { signal } = controller;
    setRun({ kind: 'running', progress: 0 });
    try {
      const { test } = splitIndices(data);
      const digits = pickDigits(data, test);
      const predicted = await session.predictDigits(digits.pixels, digits.count, {
        batchSize: 50,
        onProgress: (progress) => setRun({ kind: 'running', progress }),
        signal,
      });
      setResult({ modelVersion, matrix: confusionMatrix(digits.labels, predicted), globalIndex: test, predicted });
      setSelected(null);
      setRun({ kind: 'idle' });
    } catch (e) {
      // An aborted run was left or replaced: nothing went wrong, there is nothing to show.
      if (isAbortError(e) || signal.aborted) return;
      setRun({ kind: 'error', error: e });
    }
  };

  const items = useMemo(() => {
    if (!result || !selected || !data) return [];
    return result.matrix.members[selected.truth * 10 + selected.predicted].map((i) => {
      const g = result.globalIndex[i];
      const digit = data.labels[g];
      const pixels = Float32Array.from(data.pixels.subarray(g * MNIST_PIXELS, (g + 1) * MNIST_PIXELS), (v) => v / 255);
      return { id: { digit, index: g - data.classStart[digit] }, grid: createGrid(MNIST_SIDE, MNIST_SIDE, pixels), predicted: result.predicted[i] };
    });
  }, [result, selected, data]);

  const loaded = source.kind === 'sample' ? items.find((i) => i.id.digit === source.id.digit && i.id.index === source.id.index) : undefined;
  const stale = result !== null && result.modelVersion !== modelVersion;
  const running = run.kind === 'running';
  return (
    <section className="panel teach-panel" aria-labelledby="confusion-title" data-testid="confusion-panel">
      <PanelHeader
        titleId="confusion-title"
        title={t('confusion.title')}
        panel="confusion"
        paragraphs={[t('confusion.info1'), t('confusion.info2'), t('confusion.info3')]}
      />
      <p className="muted">{t('confusion.intro')}</p>
      <div className="confusion__actions">
        <button type="button" data-testid="confusion-compute" disabled={!session || !data || running} onClick={() => void compute()}>
          {result ? t('confusion.recompute') : t('confusion.compute')}
        </button>
        {running && (
          <span className="progress" data-testid="confusion-progress">
            <progress max={1} value={run.progress} aria-label={t('confusion.progressLabel')} />
            <span className="muted">{t('confusion.progress', { percent: Math.round(run.progress * 100) })}</span>
          </span>
        )}
        {!session && <span className="muted">{t('common.loading')}</span>}
        {run.kind === 'error' && (
          <span className="error" role="alert">
            {t('confusion.error', { message: errorText(run.error) })}
          </span>
        )}
        {stale && !running && <span className="notice-inline">{t('confusion.stale')}</span>}
      </div>
      {result && (
        <div className="confusion__body">
          <div>
            <p className="confusion__score" data-testid="confusion-score" data-correct={result.matrix.correct}>
              {t('confusion.score', { correct: result.matrix.correct, total: result.matrix.total, wrong: result.matrix.total - result.matrix.correct })}
            </p>
            <Figure title={t('confusion.title')} name={['confusion-matrix']} vector testId="figure-confusion">
              <ConfusionMatrix
                counts={result.matrix.counts}
                selected={selected}
                onSelect={(truth, predicted) => setSelected({ truth, predicted })}
                labels={{
                  truth: t('confusion.truthAxis'),
                  predicted: t('confusion.predictedAxis'),
                  cell: (truth, predicted, count) => t(truth === predicted ? 'confusion.cellRight' : 'confusion.cellWrong', { truth, predicted, count }),
                }}
              />
            </Figure>
          </div>
          <div className="confusion__digits">
            {!selected ? (
              <p className="muted">{t('confusion.pickCell')}</p>
            ) : (
              <>
                <h3>
                  {t(selected.truth === selected.predicted ? 'confusion.listRight' : 'confusion.listWrong', {
                    truth: selected.truth,
                    predicted: selected.predicted,
                    count: items.length,
                  })}
                </h3>
                <p className="muted">{t('confusion.clickDigit')}</p>
                <ul className="confusion__list">
                  {items.map((item) => (
                    <li key={`${item.id.digit}-${item.id.index}`}>
                      <button
                        type="button"
                        className={item === loaded ? 'confusion__item confusion__item--current' : 'confusion__item'}
                        aria-current={item === loaded ? 'true' : undefined}
                        data-testid="misclassified-item"
                        data-digit={item.id.digit}
                        data-index={item.id.index}
                        data-predicted={item.predicted}
                        aria-label={t('confusion.itemLabel', { digit: item.id.digit, index: item.id.index, predicted: item.predicted })}
                        onClick={() => dispatch({ type: 'pickSample', id: item.id })}
                      >
                        <FeatureMapThumb grid={item.grid} scale={COLOUR_SCALES.grey} side={44} />
                        <span className="confusion__item-label">#{item.id.index}</span>
                      </button>
                    </li>
                  ))}
                </ul>
                <p className="confusion__loaded" aria-live="polite" data-testid="confusion-loaded">
                  {loaded ? t('confusion.loaded', { digit: loaded.id.digit, index: loaded.id.index, predicted: loaded.predicted }) : ''}
                </p>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
