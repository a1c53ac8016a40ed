/**
 * The reference for the training throughput: the same network as DEFAULT_SPEC in convnetjs
 * (the npm package, pure JavaScript on the CPU), trained in the bench page, on the main
 * thread like the app. convnetjs 0.3.0 on npm has no Adam (its GitHub master added it
 * later); AdaDelta, the optimiser of its own MNIST demo, costs the same per step.
 */
import convnetjs, { type LayerDef, type Vol } from 'convnetjs';
import { MNIST_PIXELS } from '../../src/core/grid';
import { DEFAULT_SPEC, NUM_CLASSES } from '../../src/model/spec';
import type { Throughput, ThroughputConfig } from './protocol';
import { benchData, trainingSubset } from './pageTfjs';

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

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Examples per second of convnetjs training the default network (batch size as given),
 * one batch per task so the page stays responsive; after a one-batch warm-up, for
 * `config.examples` examples or `maxSeconds`, whichever comes first.
 */
export async function convnetThroughput(config: ThroughputConfig, maxSeconds: number): Promise<Throughput> {
  const data = await benchData();
  const { images, labels } = trainingSubset(data.train, config.examples, 7);
  const net = new convnetjs.Net();
  net.makeLayers(convnetLayers());
  const trainer = new convnetjs.Trainer(net, { method: 'adadelta', batch_size: config.batchSize, l2_decay: 0 });
  const vols = Array.from({ length: config.examples }, (_, i) => toVol(images, i));
  for (let i = 0; i < config.batchSize; i++) trainer.train(vols[i], labels[i]);
  await nextTask();
  const start = performance.now();
  let done = 0;
  while (done < config.examples && performance.now() - start < maxSeconds * 1000) {
    const end = Math.min(config.examples, done + config.batchSize);
    for (let i = done; i < end; i++) trainer.train(vols[i], labels[i]);
    done = end;
    await nextTask();
  }
  const seconds = (performance.now() - start) / 1000;
  return { examples: done, seconds, examplesPerSecond: done / seconds };
}
