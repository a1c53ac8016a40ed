/**
 * convnetjs (the npm package, pure JavaScript on the CPU) training the same network as
 * DEFAULT_SPEC, for the bench's comparison: the loop shared by the bench page and the bench's
 * convnetjs worker. convnetjs 0.3.0 on npm has no Adam (its GitHub master added it later);
 * AdaDelta, the optimiser of its own MNIST demo, costs the same per step.
 */
import convnetjs, { type LayerDef, type Vol } from 'convnetjs';
import { MNIST_PIXELS } from '../../src/core/grid';
import { DEFAULT_SPEC, NUM_CLASSES } from '../../src/model/spec';
import type { ProgressSample } from './rateWindow';

/** DEFAULT_SPEC as convnetjs layers: conv 3x3 valid + relu, 2x2 max pool (stride 2), ..., fc + relu + dropout, fc 10 + softmax. */
export function convnetLayers(): LayerDef[] {
  const layers: LayerDef[] = [{ type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 }];
  for (const block of DEFAULT_SPEC.convBlocks) {
    if (block.padding !== 'valid' || block.pool !== 'max' || block.activation !== 'relu') throw new Error('convnetLayers covers the default spec only.');
    layers.push({ type: 'conv', sx: block.kernelSize, filters: block.filters, stride: block.stride, pad: 0, activation: 'relu' });
    layers.push({ type: 'pool', sx: block.poolSize, stride: block.poolSize });
  }
  for (const dense of DEFAULT_SPEC.dense) layers.push({ type: 'fc', num_neurons: dense.units, activation: dense.activation, drop_prob: dense.dropout });
  layers.push({ type: 'softmax', num_classes: NUM_CLASSES });
  return layers;
}

function toVol(images: Float32Array, i: number): Vol {
  const vol = new convnetjs.Vol(28, 28, 1, 0);
  vol.w.set(images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS));
  return vol;
}

/** What a convnetjs run trains on and how long it may take. */
export interface ConvnetRun {
  /** `examples` digits, 784 floats in [0, 1] each. */
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly batchSize: number;
  readonly examples: number;
  readonly maxSeconds: number;
}

/**
 * Trains a fresh convnetjs network on `run.examples` digits in batches of `run.batchSize`
 * (one pass, or until `run.maxSeconds`), calling `between` after every batch (the page's
 * turn; nothing in a worker). Returns [performance.now(), examples trained] before the first
 * batch and after every batch.
 */
export async function trainConvnet(run: ConvnetRun, between?: () => Promise<void>): Promise<ProgressSample[]> {
  if (run.images.length !== run.examples * MNIST_PIXELS || run.labels.length !== run.examples) {
    throw new Error(
      `convnetjs run: ${run.examples} examples need ${run.examples * MNIST_PIXELS} pixels and as many labels (got ${run.images.length}, ${run.labels.length}).`,
    );
  }
  const net = new convnetjs.Net();
  net.makeLayers(convnetLayers());
  const trainer = new convnetjs.Trainer(net, { method: 'adadelta', batch_size: run.batchSize, l2_decay: 0 });
  const vols = Array.from({ length: run.examples }, (_, i) => toVol(run.images, i));
  const start = performance.now();
  const samples: ProgressSample[] = [[start, 0]];
  let done = 0;
  while (done < run.examples && performance.now() - start < run.maxSeconds * 1000) {
    const end = Math.min(run.examples, done + run.batchSize);
    for (let i = done; i < end; i++) trainer.train(vols[i], run.labels[i]);
    done = end;
    samples.push([performance.now(), done]);
    await between?.();
  }
  return samples;
}
