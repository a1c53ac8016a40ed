import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from './build';
import { RunTarget } from './runTarget';
import type { ModelSpec } from './spec';
import type { WeightSnapshot } from './weights';

const SPEC: ModelSpec = {
  convBlocks: [{ filters: 2, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
  dense: [],
};
const snapshot = (value: number): WeightSnapshot => ({ weights: [{ name: 'w', shape: [1], values: Float32Array.of(value) }] });

describe('RunTarget', () => {
  const first = buildModel(SPEC, { seed: 1 });
  const second = buildModel(SPEC, { seed: 2 });
  afterAll(() => {
    first.dispose();
    second.dispose();
  });

  it('keeps the newest weights from the hand-over on, the start never overriding a newer report', () => {
    const target = new RunTarget(first, () => Promise.resolve());
    expect(target.handedOver).toBe(false);
    expect(target.newest).toBeNull();
    target.saw(snapshot(1));
    target.handOver(snapshot(0));
    expect(target.handedOver).toBe(true);
    expect(target.newest).toEqual(snapshot(1));
    target.saw(snapshot(2));
    expect(target.newest).toEqual(snapshot(2));
  });

  it('lands the results in the model of the end of the rebuild, and gives none when the rebuild failed', async () => {
    let finish = () => undefined as void;
    const rebuild = new Promise<void>((resolve) => (finish = resolve));
    const target = new RunTarget(first, () => rebuild);
    const landing = target.landing();
    target.retarget(second);
    finish();
    expect(await landing).toBe(second);
    expect(target.model).toBe(second);
    const failed = new RunTarget(first, () => Promise.reject(new Error('no CPU')));
    await expect(failed.landing()).rejects.toThrow('no CPU');
  });
});
