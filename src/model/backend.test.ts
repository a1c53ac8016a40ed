import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend, currentBackend, fallBackToCpu, liveTensorCount, watchContextLoss } from './backend';

describe('chooseBackend', () => {
  it('falls back to the CPU, with a reason, where WebGL does not exist (node)', async () => {
    const status = await chooseBackend('webgl');
    expect(status).toEqual({ backend: 'cpu', fallbackReason: 'WebGL is not available in this browser.', fallbackCode: 'noWebgl' });
    expect(currentBackend()).toBe('cpu');
  });

  it('uses the CPU without a reason when asked to', async () => {
    expect(await chooseBackend('cpu')).toEqual({ backend: 'cpu', fallbackReason: null, fallbackCode: null });
    expect(watchContextLoss(() => undefined)).toBeTypeOf('function');
    expect(await fallBackToCpu()).toEqual({ backend: 'cpu', fallbackReason: 'The WebGL context was lost.', fallbackCode: 'contextLost' });
  });

  it('counts tensors', () => {
    const before = liveTensorCount();
    const t = tf.zeros([2]);
    expect(liveTensorCount()).toBe(before + 1);
    t.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});
