import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchImages } from '../core/batch';
import { readMnist } from '../data/node';
import { chooseTrainingBackend, choiceKey, rememberedChoice, type ChoiceStorage } from './backendChoice';
import { runBackendTrial, type TrialBackend, type TrialWorkload } from './backendTrial';
import type { ModelSpec } from './spec';
import { pickDigits } from './trainingData';
import { trainingWorkload } from './trialWorkload';
import { wasmBinariesFolder } from './wasmTestSupport';
import { loadWasmBackend } from './wasmBackend';

/** Node has the wasm binaries in node_modules, not at a URL beside a bundle. */
const prepare = (backend: TrialBackend) => (backend === 'wasm' ? loadWasmBackend(wasmBinariesFolder()) : Promise.resolve());

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SPEC: ModelSpec = {
  convBlocks: [{ filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
  dense: [{ units: 16, activation: 'relu', dropout: 0.25 }],
};
const mnist = readMnist();
const digits = pickDigits(
  mnist,
  Int32Array.from({ length: 8 }, (_, i) => mnist.classStart[i % 10] + i),
);
const workload = trainingWorkload({ spec: SPEC, images: batchImages(digits, [0, 1, 2, 3, 4, 5, 6, 7], 0, 8, null), labels: Int32Array.from(digits.labels) });

/** A Web Storage stand-in with the two methods the choice uses. */
class MemoryStorage implements ChoiceStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('runBackendTrial', () => {
  it('times real training on cpu and wasm, reports that WebGL cannot start in node, and chooses the faster', async () => {
    const tensors = tf.memory().numTensors;
    const result = await runBackendTrial(workload, { backends: ['cpu', 'wasm', 'webgl'], warmupSteps: 1, timedSteps: 2, prepare });
    expect(result.rates.map((r) => r.backend)).toEqual(['cpu', 'wasm', 'webgl']);
    const [cpu, wasm, webgl] = result.rates;
    for (const rate of [cpu, wasm]) {
      expect(rate.error).toBeNull();
      expect(rate.examplesPerSecond).toBeGreaterThan(0);
    }
    expect(webgl.examplesPerSecond).toBeNull();
    expect(webgl.error).toMatch(/webgl backend could not start/i);
    expect(result.choice).toBe(cpu.examplesPerSecond! > wasm.examplesPerSecond! ? 'cpu' : 'wasm');
    expect(result.batchSize).toBe(8);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(tensors);
    console.info(`Trial in node (batch 8, small network): cpu ${cpu.examplesPerSecond!.toFixed(0)}, wasm ${wasm.examplesPerSecond!.toFixed(0)} examples/s`);
  });

  it('gives a backend whose preparation or steps fail its reason, and frees its work', async () => {
    const tensors = tf.memory().numTensors;
    const failingPrepare = (backend: TrialBackend) => (backend === 'wasm' ? Promise.reject(new Error('the binaries are missing')) : Promise.resolve());
    const result = await runBackendTrial(workload, { backends: ['wasm', 'cpu'], warmupSteps: 1, timedSteps: 1, prepare: failingPrepare });
    expect(result.rates[0]).toEqual({ backend: 'wasm', examplesPerSecond: null, error: 'the binaries are missing' });
    expect(result.choice).toBe('cpu');
    let disposed = 0;
    const failingSteps = (): TrialWorkload => {
      const made = tf.zeros([3]);
      return { batchSize: 1, step: () => Promise.reject(new Error('out of memory')), dispose: () => (made.dispose(), disposed++) };
    };
    await expect(runBackendTrial(failingSteps, { backends: ['cpu'], prepare })).rejects.toThrow('No backend could train: cpu: out of memory');
    expect(disposed).toBe(1);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('rejects, naming every reason, when no backend can train, and refuses bad settings', async () => {
    await expect(runBackendTrial(workload, { backends: ['webgl'], prepare })).rejects.toThrow(
      /^No backend could train: webgl: The webgl backend could not start/,
    );
    expect(tf.getBackend()).toBe('cpu');
    await expect(runBackendTrial(workload, { backends: [] })).rejects.toThrow('at least one backend');
    await expect(runBackendTrial(workload, { timedSteps: 0 })).rejects.toThrow("trial's timed steps must be a whole number of at least 1 (got 0)");
    expect(() => trainingWorkload({ spec: SPEC, images: new Float32Array(10), labels: Int32Array.from([1]) })).toThrow('needs 784 pixel values (got 10)');
  });
});

describe('chooseTrainingBackend', () => {
  it('measures at the first run, then gives the remembered choice for the same browser and backends', async () => {
    const storage = new MemoryStorage();
    const options = { storage, userAgent: 'Test/1.0', backends: ['cpu', 'wasm'] as TrialBackend[], warmupSteps: 1, timedSteps: 1, prepare };
    const first = await chooseTrainingBackend(workload, options);
    expect(first.remembered).toBe(false);
    expect(first.rates.every((r) => r.examplesPerSecond! > 0)).toBe(true);
    expect([...storage.items.keys()]).toEqual([choiceKey('Test/1.0', ['cpu', 'wasm'])]);
    // A remembered choice runs nothing: this workload would fail every backend.
    const broken = (): TrialWorkload => {
      throw new Error('measured again');
    };
    const again = await chooseTrainingBackend(broken, options);
    expect(again).toEqual({ ...first, remembered: true });
    // Another browser, or other backends, measure again.
    await expect(chooseTrainingBackend(broken, { ...options, userAgent: 'Test/2.0' })).rejects.toThrow('measured again');
    await expect(chooseTrainingBackend(broken, { ...options, backends: ['cpu'] })).rejects.toThrow('measured again');
    await expect(chooseTrainingBackend(broken, { ...options, remeasure: true })).rejects.toThrow('measured again');
    expect(storage.items.size).toBe(1);
  });

  it('ignores a remembered value it cannot trust, and works without storage', async () => {
    const storage = new MemoryStorage();
    const key = choiceKey('Test/1.0', ['cpu']);
    const good = { choice: 'cpu', rates: [{ backend: 'cpu', examplesPerSecond: 120, error: null }], batchSize: 32, timedSteps: 5, measuredAt: 1 };
    storage.setItem(key, JSON.stringify(good));
    expect(rememberedChoice(storage, key)).toEqual({ ...good, remembered: true });
    const bad = [
      '{not json',
      JSON.stringify({ ...good, choice: 'webgl' }),
      JSON.stringify({ ...good, rates: [{ backend: 'cpu', examplesPerSecond: null, error: 'failed' }] }),
      JSON.stringify({ ...good, rates: [{ backend: 'gpu', examplesPerSecond: 5, error: null }] }),
      JSON.stringify({ ...good, batchSize: 'many' }),
    ];
    for (const text of bad) {
      storage.setItem(key, text);
      expect(rememberedChoice(storage, key)).toBeNull();
    }
    const refusing: ChoiceStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(rememberedChoice(refusing, key)).toBeNull();
    const measured = await chooseTrainingBackend(workload, { storage: refusing, userAgent: 'Test/1.0', backends: ['cpu'], warmupSteps: 1, timedSteps: 1 });
    expect(measured).toMatchObject({ choice: 'cpu', remembered: false });
    expect((await chooseTrainingBackend(workload, { storage: null, userAgent: 'Test/1.0', backends: ['cpu'], warmupSteps: 1, timedSteps: 1 })).remembered).toBe(
      false,
    );
  });
});
