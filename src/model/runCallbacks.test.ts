import { describe, expect, it, vi } from 'vitest';
import { FOLLOW_MS, runCallbacks } from './runCallbacks';
import type { BatchMetrics, DropoutMaskReport, EpochMetrics } from './trainMetrics';
import type { WeightSnapshot } from './weights';

const batch = (n: number): BatchMetrics => ({
  epoch: 1,
  batch: n,
  batchesPerEpoch: 10,
  loss: 2 / n,
  accuracy: n / 10,
  learningRate: 0.01,
  examplesSeen: 32 * n,
  examplesTotal: 320,
  examplesPerSecond: 100,
  secondsLeft: 1,
});
const epoch: EpochMetrics = { epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, heldOutLoss: 0.6, heldOutAccuracy: 0.75, elapsedSeconds: 3 };
const snapshot: WeightSnapshot = { weights: [] };
const mask = (step: number): DropoutMaskReport => ({ step, layer: 'dropout1', units: 4, rate: 0.5, kept: Uint8Array.of(1, 0, 0, 1), scale: 2 });

describe('runCallbacks', () => {
  it('passes reports on, follows the weights at once and then at most every few hundred milliseconds, and keeps each epoch first', async () => {
    const seen: string[] = [];
    const callbacks = runCallbacks(
      { onBatch: (m) => void seen.push(`batch ${m.batch}`), onEpoch: (m) => void seen.push(`epoch ${m.epoch}`) },
      {
        trusted: () => true,
        running: () => true,
        follow: () => seen.push('follow'),
        settle: () => seen.push('settle'),
        keep: (m, s) => seen.push(`keep ${m.heldOutAccuracy} ${s === snapshot}`),
      },
    );
    for (let n = 1; n <= 3; n++) await callbacks.onBatch?.(batch(n));
    await callbacks.onEpoch?.(epoch, snapshot);
    expect(seen).toEqual(['follow', 'batch 1', 'batch 2', 'batch 3', 'keep 0.75 true', 'epoch 1']);
  });

  it('passes the replay’s first-epoch weights on while reports can be trusted, and asks for none when the UI keeps none', async () => {
    let trusted = true;
    const seen: number[] = [];
    const hooks = { trusted: () => trusted, running: () => true, follow: () => undefined, settle: () => undefined, keep: () => undefined };
    const callbacks = runCallbacks({ onFirstEpochWeights: (p) => void seen.push(p.batch) }, hooks);
    const point = (b: number) => ({ epoch: 1, batch: b, batchesPerEpoch: 10, examplesSeen: 32 * b, endOfEpoch: false });
    await callbacks.onFirstEpochWeights?.(point(1), snapshot);
    trusted = false;
    await callbacks.onFirstEpochWeights?.(point(2), snapshot);
    expect(seen).toEqual([1]);
    expect(runCallbacks({}, hooks).onFirstEpochWeights).toBeUndefined();
  });

  it('stops following on its own once a run in a worker sent its weights (the maps follow those), and passes the weights on to the UI after the maps', async () => {
    const seen: string[] = [];
    const callbacks = runCallbacks(
      { onBatch: (m) => void seen.push(`batch ${m.batch}`), onWeights: () => void seen.push('UI weights') },
      {
        trusted: () => true,
        running: () => true,
        follow: () => seen.push('follow'),
        settle: () => undefined,
        keep: () => undefined,
        weights: () => seen.push('weights'),
      },
    );
    await callbacks.onBatch?.(batch(1));
    callbacks.onWeights?.(snapshot);
    // Long after the last follow: a run without weights would follow again here.
    const now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(now + 10 * FOLLOW_MS);
    await callbacks.onBatch?.(batch(2));
    clock.mockRestore();
    expect(seen).toEqual(['follow', 'batch 1', 'weights', 'UI weights', 'batch 2']);
  });

  it('drops every report once they cannot be trusted (the context was lost)', async () => {
    const seen: string[] = [];
    let trusted = true;
    const callbacks = runCallbacks(
      { onBatch: (m) => void seen.push(`batch ${m.batch}`), onEpoch: () => void seen.push('epoch') },
      { trusted: () => trusted, running: () => true, follow: () => seen.push('follow'), settle: () => seen.push('settle'), keep: () => seen.push('keep') },
    );
    await callbacks.onBatch?.(batch(1));
    trusted = false;
    await callbacks.onBatch?.(batch(2));
    await callbacks.onEpoch?.(epoch, snapshot);
    expect(seen).toEqual(['follow', 'batch 1']);
  });

  it('settles after the batches reported once the run was paused or stopped, and only then', async () => {
    const seen: string[] = [];
    let running = true;
    const callbacks = runCallbacks(
      { onBatch: (m) => void seen.push(`batch ${m.batch}`) },
      { trusted: () => true, running: () => running, follow: () => seen.push('follow'), settle: () => seen.push('settle'), keep: () => undefined },
    );
    await callbacks.onBatch?.(batch(1));
    running = false;
    await callbacks.onBatch?.(batch(2));
    await callbacks.onBatch?.(batch(3));
    expect(seen).toEqual(['follow', 'batch 1', 'settle', 'batch 2', 'settle', 'batch 3']);
  });

  it('passes dropout masks on while they can be trusted, and asks for none when the UI shows none', () => {
    const seen: number[] = [];
    let trusted = true;
    const hooks = { trusted: () => trusted, running: () => true, follow: () => undefined, settle: () => undefined, keep: () => undefined };
    const callbacks = runCallbacks({ onDropoutMask: (m) => void seen.push(m.step) }, hooks);
    callbacks.onDropoutMask?.(mask(1));
    callbacks.onDropoutMask?.(mask(5));
    trusted = false;
    callbacks.onDropoutMask?.(mask(9));
    expect(seen).toEqual([1, 5]);
    expect(runCallbacks({}, hooks).onDropoutMask).toBeUndefined();
  });
});
