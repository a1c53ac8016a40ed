import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../core/abort';
import { messageOf } from '../../core/messageOf';
import { penAwarePause } from '../../core/slices';
import type { MnistData } from '../../data/mnistFormat';
import { ascendChannel, DEFAULT_ASCENT, type AscentProgress, type AscentResult } from '../../model/filterLooks/ascent';
import { channelMaxima, type ChannelMaxima } from '../../model/filterLooks/channelMaxima';
import type { ModelSession, SessionStatus } from '../../model/session';
import { heldOutSet } from '../../data/heldOut';

/**
 * Results for the page's life, per model version: every channel's maxima per layer, and the
 * ascent per layer and channel. The tab is unmounted while hidden; coming back is instant.
 */
const maximaCache = new Map<string, ChannelMaxima>();
const ascentCache = new Map<string, AscentResult>();

export interface FilterLooks {
  /** Every channel's strongest cell over the 1,000 held-out digits, for the chosen layer; null until computed. */
  readonly maxima: ChannelMaxima | null;
  /** Held-out digits done while the maxima are computed (null when not computing). */
  readonly maximaDone: number | null;
  readonly ascent: AscentResult | null;
  /** The ascent going on (null when none). */
  readonly progress: AscentProgress | null;
  /** True when the ascent of this channel was cancelled (it waits for `restart`). */
  readonly cancelled: boolean;
  readonly error: string | null;
  readonly cancel: () => void;
  readonly restart: () => void;
}

/**
 * What channel `channel` of convolution `layer` of the model in view looks for: the ascent
 * (yielded tfjs steps that wait while the pen is down) and every channel's strongest cell over
 * the held-out digits (batches with pauses between them). Nothing runs while `active` is
 * false or while a run trains; a new model, layer or channel gives up the work in flight.
 */
export function useFilterLooks(
  session: ModelSession | null,
  status: SessionStatus | null,
  data: MnistData | null,
  layer: string | null,
  channel: number,
  active: boolean,
): FilterLooks {
  const version = status?.version ?? 0;
  const training = status?.training ?? false;
  const maximaKey = layer ? `${version}|${layer}` : '';
  const ascentKey = layer ? `${version}|${layer}|${channel}` : '';
  const [, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const [maximaDone, setMaximaDone] = useState<number | null>(null);
  const [progress, setProgress] = useState<AscentProgress | null>(null);
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!active || training || !session || !data || !layer || maximaCache.has(maximaKey)) return;
    const abort = new AbortController();
    const { signal } = abort;
    const held = heldOutSet(data);
    const count = held.ids.length;
    setMaximaDone(0);
    session
      .filterLooks((model, guard) =>
        channelMaxima(model, layer, held.pixels, count, { signal, guard, pause: penAwarePause, onProgress: (done) => !signal.aborted && setMaximaDone(done) }),
      )
      .then(
        (maxima) => {
          if (signal.aborted) return;
          maximaCache.set(maximaKey, maxima);
          setMaximaDone(null);
        },
        (e: unknown) => {
          if (!signal.aborted && !isAbortError(e)) setError(messageOf(e));
        },
      );
    return () => {
      abort.abort();
      setMaximaDone(null);
    };
  }, [active, training, session, data, layer, maximaKey]);

  useEffect(() => {
    if (!active || training || !session || !layer || ascentCache.has(ascentKey) || cancelledKey === ascentKey) return;
    const abort = new AbortController();
    controller.current = abort;
    const { signal } = abort;
    setProgress({ step: 0, steps: DEFAULT_ASCENT.steps, activation: NaN, best: NaN });
    session
      .filterLooks((model, guard) =>
        ascendChannel(model, layer, channel, DEFAULT_ASCENT, { signal, guard, pause: penAwarePause, onProgress: (p) => !signal.aborted && setProgress(p) }),
      )
      .then(
        (result) => {
          if (signal.aborted) return;
          ascentCache.set(ascentKey, result);
          setProgress(null);
          setError(null);
        },
        (e: unknown) => {
          if (!signal.aborted && !isAbortError(e)) setError(messageOf(e));
        },
      );
    return () => {
      abort.abort();
      if (controller.current === abort) controller.current = null;
      setProgress(null);
    };
  }, [active, training, session, layer, channel, ascentKey, cancelledKey, runs]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setCancelledKey(ascentKey);
    refresh();
  }, [ascentKey, refresh]);
  const restart = useCallback(() => {
    setCancelledKey(null);
    setRuns((n) => n + 1);
  }, []);

  return {
    maxima: maximaCache.get(maximaKey) ?? null,
    maximaDone,
    ascent: ascentCache.get(ascentKey) ?? null,
    progress,
    cancelled: cancelledKey === ascentKey && !ascentCache.has(ascentKey),
    error,
    cancel,
    restart,
  };
}
