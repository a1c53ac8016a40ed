import { describe, expect, it } from 'vitest';
import type { WorkerThroughput } from './pageWorkers';
import type { Throughput } from './protocol';
import type { TrainingFigures } from './training';
import { appUiWhere, notComparable, trainingRows } from './trainingRows';

const rate = (examplesPerSecond: number): Throughput => ({ examples: 1000, seconds: 1000 / examplesPerSecond, examplesPerSecond });
const inWorker = (examplesPerSecond: number, backend: WorkerThroughput['backend'] = 'wasm'): WorkerThroughput => ({
  ...rate(examplesPerSecond),
  backend,
  fallback: null,
  tensors: backend ? { before: 0, after: 0 } : null,
});

function figures(app: number, loops: [number, number], convnet: number, where = { backend: 'wasm', inWorker: 'true' }): TrainingFigures {
  return {
    config: { batchSize: 32, examples: 3000, learningRate: 0.002 },
    window: { from: 320, to: 3000 },
    appUi: { ...rate(app), ...where },
    workerLoop: [inWorker(loops[0]), inWorker(loops[1])],
    workerHandler: inWorker(190),
    workerConvnetjs: inWorker(convnet, null),
    onPage: { loopOnly: rate(90), bareFit: rate(95), convnetjs: rate(110) },
  };
}

const find = (rows: ReturnType<typeof trainingRows>, text: string) => {
  const row = rows.find((r) => r.figure.startsWith(text));
  if (!row) throw new Error(`no row "${text}"`);
  return row;
};

describe('trainingRows', () => {
  it('compares the Train button with the mean of the two bare-loop runs and with convnetjs in a worker', () => {
    const rows = trainingRows(figures(190, [180, 220], 100), 'webgl');
    expect(find(rows, 'Train button').figure).toContain("wasm, in the app's worker");
    expect(find(rows, 'Train button').value).toBe('190 ex/s');
    expect(find(rows, 'bare loop in a worker').value).toBe('200 ex/s (180 ex/s · 220 ex/s)');
    expect(find(rows, 'ratio Train button / bare loop')).toMatchObject({ value: '0.95×', target: '≥ 0.95×', verdict: 'met' });
    expect(find(rows, 'ratio Train button / convnetjs')).toMatchObject({ value: '1.90×', target: '≥ 1.5×', verdict: 'met' });
    expect(find(rows, "on the page's main thread (webgl): bare model.fit").value).toBe('95 ex/s');
  });

  it('says NOT met below either target', () => {
    const rows = trainingRows(figures(150, [200, 200], 101), undefined);
    expect(find(rows, 'ratio Train button / bare loop')).toMatchObject({ value: '0.75×', verdict: 'NOT met' });
    expect(find(rows, 'ratio Train button / convnetjs')).toMatchObject({ value: '1.49×', verdict: 'NOT met' });
  });

  it('gives no verdict, and says why, when the Train button did not train like the bench worker', () => {
    const rows = trainingRows(figures(150, [200, 200], 50, { backend: 'webgl', inWorker: 'false' }), 'webgl');
    const ratio = find(rows, 'ratio Train button / bare loop');
    expect(ratio.verdict).toBe('');
    expect(ratio.target).toContain('did not train in its worker');
    expect(find(rows, 'Train button').figure).toContain('webgl, on the page');
  });
});

describe('notComparable and appUiWhere', () => {
  it('names a backend that differs between the Train button and the worker', () => {
    expect(notComparable('cpu', 'true', inWorker(100, 'wasm'))).toBe('the Train button trained on cpu, the bench worker on wasm');
    expect(notComparable('wasm', 'true', inWorker(100, 'wasm'))).toBeNull();
    expect(notComparable('wasm', 'true', inWorker(100, null))).toBeNull();
  });

  it('says when the panel never reported where it trained', () => {
    expect(appUiWhere('', '')).toBe('backend not reported, where: not reported');
  });
});
