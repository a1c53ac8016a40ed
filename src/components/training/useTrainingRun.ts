import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ModelSession, TrainRequest, TrainingHandle } from '../../model/session';
import type { BatchMetrics, DropoutMaskReport, EpochMetrics } from '../../model/trainMetrics';
import { penDeferred } from '../../core/pen';
import { createReplayFeed, type ReplayFeed } from '../replay/replayFeed';
import { createDropoutMaskFeed } from './dropoutMaskFeed';
import { createViewStore } from './viewStore';

export type RunPhase = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'finished' | 'stopped' | 'failed';

export interface TrainingView {
  readonly phase: RunPhase;
  /** [examples seen, loss, accuracy] per batch. */
  readonly batches: readonly (readonly [number, number, number])[];
  readonly epochs: readonly EpochMetrics[];
  readonly last: BatchMetrics | null;
  /** Why the run failed (null when it did not). */
  readonly error: unknown;
  /** Gradient size per layer over the run: [examples seen, mean |gradient| per layer], with the layer names. */
  readonly gradients: { readonly layers: readonly string[]; readonly points: readonly (readonly [number, readonly number[]])[] };
}

const IDLE: TrainingView = { phase: 'idle', batches: [], epochs: [], last: null, error: null, gradients: { layers: [], points: [] } };
/**
 * How often the charts take the buffered batches: five times a second reads as live, and
 * leaves the main thread to the training loop in between (a redraw per frame costs it speed).
 */
const CHART_MS = 200;
/**
 * While a run in a worker sends its weights (a few times a second), the charts take the
 * batches when the weights land, so charts and maps redraw in the same frame (on a machine
 * without a GPU each frame composed costs a good part of a core); this timer is the fallback
 * when no weights come for a while (the run paused, say).
 */
const WEIGHTS_WAIT_MS = 400;

/**
 * One training run at a time: start, pause, resume, stop, reset. Batch metrics are buffered
 * and committed at most every {@link CHART_MS} (or when a worker's weights land, see
 * {@link WEIGHTS_WAIT_MS}) so charts never slow the training loop. The
 * dropout masks the run reports go to `masks`, a feed outside React state (only the Dropout
 * panel follows it); it keeps the run's last mask until the next run starts or a reset. The
 * view lives in `store` (read it with useTrainingView), so that its updates re-render only
 * the components that read it, not the component that holds the run. The weight copies the
 * replay keeps go to `replay` (replayFeed.ts): the next run replaces them, a reset drops them.
 */
export function useTrainingRun(session: ModelSession | null) {
  const [store] = useState(() => createViewStore<TrainingView>(IDLE));
  const setView = store.set;
  const handle = useRef<TrainingHandle | null>(null);
  const buffer = useRef<(readonly [number, number, number])[]>([]);
  const gradientBuffer = useRef<{ layers: string[]; point: readonly [number, number[]] }[]>([]);
  const lastMetrics = useRef<BatchMetrics | null>(null);
  const chartTimer = useRef(0);
  const withWeights = useRef(false);
  const [masks] = useState(createDropoutMaskFeed);
  const [replay] = useState(() => createReplayFeed());
  // The replay takes its copies when no stroke is being drawn (they come in quick succession early in a run).
  const replayQueue = useRef<Parameters<ReplayFeed['add']>[]>([]);
  const [penReplay] = useState(() => penDeferred(() => replayQueue.current.splice(0).forEach((args) => replay.add(...args))));
  const keepCopy = useCallback(
    (...args: Parameters<ReplayFeed['add']>) => {
      replayQueue.current.push(args);
      penReplay.request();
    },
    [penReplay],
  );
  const latestMask = useRef<DropoutMaskReport | null>(null);
  // A new mask waits for the end of a stroke too (only the latest is shown then).
  const [penMask] = useState(() => penDeferred(() => masks.set(latestMask.current)));

  const flush = useCallback(() => {
    window.clearTimeout(chartTimer.current);
    chartTimer.current = 0;
    const fresh = buffer.current;
    buffer.current = [];
    const freshGradients = gradientBuffer.current;
    gradientBuffer.current = [];
    setView((v) =>
      !fresh.length && !freshGradients.length && v.last === lastMetrics.current
        ? v
        : {
            ...v,
            batches: fresh.length ? [...v.batches, ...fresh] : v.batches,
            gradients: freshGradients.length
              ? { layers: freshGradients[0].layers, points: [...v.gradients.points, ...freshGradients.map((g) => g.point)] }
              : v.gradients,
            last: lastMetrics.current,
          },
    );
  }, [setView]);
  // The charts wait for the end of a stroke: the pen keeps the frame rate, they catch up after.
  const [penFlush] = useState(() => penDeferred(flush));

  useEffect(
    () => () => {
      handle.current?.control.stop();
      window.clearTimeout(chartTimer.current);
      penFlush.cancel();
      penMask.cancel();
      penReplay.cancel();
    },
    [penFlush, penMask, penReplay],
  );

  const start = useCallback(
    (request: TrainRequest) => {
      if (!session || handle.current) return;
      buffer.current = [];
      gradientBuffer.current = [];
      lastMetrics.current = null;
      withWeights.current = false;
      penMask.cancel();
      latestMask.current = null;
      masks.set(null);
      penReplay.cancel();
      replayQueue.current = [];
      replay.begin(request.spec);
      setView({ ...IDLE, phase: 'starting' });
      const h = session.startTraining(request, {
        onBatch: (m) => {
          buffer.current.push([m.examplesSeen, m.loss, m.accuracy]);
          if (m.gradients) gradientBuffer.current.push({ layers: m.gradients.map((g) => g.layer), point: [m.examplesSeen, m.gradients.map((g) => g.meanAbs)] });
          lastMetrics.current = m;
          if (!chartTimer.current) chartTimer.current = window.setTimeout(penFlush.request, withWeights.current ? WEIGHTS_WAIT_MS : CHART_MS);
        },
        onWeights: () => {
          withWeights.current = true;
          penFlush.request();
        },
        onEpoch: (m, snapshot) => {
          const last = lastMetrics.current;
          const perEpoch = last?.batchesPerEpoch ?? 0;
          keepCopy({ epoch: m.epoch, batch: perEpoch, batchesPerEpoch: perEpoch, examplesSeen: last?.examplesSeen ?? 0, endOfEpoch: true }, snapshot);
          setView((v) => ({ ...v, epochs: [...v.epochs, m] }));
        },
        onFirstEpochWeights: keepCopy,
        onDropoutMask: (m) => {
          latestMask.current = m;
          penMask.request();
        },
      });
      handle.current = h;
      const unsubscribe = h.control.subscribe((state) =>
        setView((v) => ({ ...v, phase: state === 'running' ? 'running' : state === 'paused' ? 'paused' : 'stopping' })),
      );
      setView((v) => ({ ...v, phase: 'running' }));
      h.done
        .then((result) => {
          window.clearTimeout(chartTimer.current);
          penFlush.cancel();
          flush();
          setView((v) => ({ ...v, phase: result.status === 'completed' ? 'finished' : 'stopped' }));
        })
        .catch((e: unknown) => setView((v) => ({ ...v, phase: 'failed', error: e })))
        .finally(() => {
          unsubscribe();
          handle.current = null;
        });
    },
    [session, flush, penFlush, masks, penMask, replay, penReplay, keepCopy, setView],
  );

  const pause = useCallback(() => handle.current?.control.pause(), []);
  const resume = useCallback(() => handle.current?.control.resume(), []);
  const stop = useCallback(() => handle.current?.control.stop(), []);
  const reset = useCallback(async () => {
    if (!session || handle.current) return;
    await session.resetTraining();
    penMask.cancel();
    latestMask.current = null;
    masks.set(null);
    penReplay.cancel();
    replayQueue.current = [];
    replay.clear();
    setView(IDLE);
  }, [session, masks, penMask, replay, penReplay, setView]);

  return useMemo(() => ({ store, masks, replay, start, pause, resume, stop, reset }), [store, masks, replay, start, pause, resume, stop, reset]);
}
