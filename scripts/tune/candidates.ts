/** The class-demo candidates the tuning script can train (pick with --candidates). */
import type { ConvBlockSpec, ModelSpec } from '../../src/model/spec';
import type { TuneRunConfig } from './protocol';

type Candidate = Omit<TuneRunConfig, 'options' | 'evalEveryExamples'> & { readonly options: Omit<NonNullable<TuneRunConfig['options']>, 'seed'> };

const conv = (filters: number, kernelSize: number, stride: number, pool: ConvBlockSpec['pool'] = 'none'): ConvBlockSpec => ({
  filters,
  kernelSize,
  stride,
  padding: 'valid',
  activation: 'relu',
  pool,
  poolSize: 2,
});
const spec = (convBlocks: ConvBlockSpec[], dense: number[] = []): ModelSpec => ({
  convBlocks,
  dense: dense.map((units) => ({ units, activation: 'relu', dropout: 0 })),
});
const run = (learningRate: number, batchSize: number, trainExamples: number, epochs: number, schedule: 'constant' | 'cosine' = 'cosine') =>
  ({ optimizer: 'adam', learningRate, batchSize, trainExamples, epochs, schedule, augment: null }) as const;

export const CANDIDATES: Readonly<Record<string, Candidate>> = {
  // Today's preset: one 8-kernel stride-2 convolution into the output, 1,000 digits, 1 epoch.
  today: { backend: 'cpu', spec: spec([conv(8, 3, 2)]), firstLayer: 'random', options: run(0.01, 32, 1000, 1, 'constant') },
  c8s2: { backend: 'cpu', spec: spec([conv(8, 3, 2)]), firstLayer: 'edge-trainable', options: run(0.01, 32, 9000, 1) },
  c16s2: { backend: 'cpu', spec: spec([conv(16, 3, 2)]), firstLayer: 'edge-trainable', options: run(0.01, 32, 9000, 1) },
  c16s2d64: { backend: 'cpu', spec: spec([conv(16, 3, 2)], [64]), firstLayer: 'edge-trainable', options: run(0.005, 32, 9000, 1) },
  c8p_c16p: { backend: 'cpu', spec: spec([conv(8, 3, 1, 'max'), conv(16, 3, 1, 'max')]), firstLayer: 'edge-trainable', options: run(0.01, 32, 9000, 1) },
  c8s2_c16s2: { backend: 'cpu', spec: spec([conv(8, 3, 2), conv(16, 3, 2)]), firstLayer: 'edge-trainable', options: run(0.01, 32, 9000, 1) },
  c16k5s2: { backend: 'cpu', spec: spec([conv(16, 5, 2)]), firstLayer: 'random', options: run(0.01, 32, 9000, 1) },
  c8s2d64: { backend: 'cpu', spec: spec([conv(8, 3, 2)], [64]), firstLayer: 'edge-trainable', options: run(0.005, 32, 9000, 1) },
  c8s2_c16p: { backend: 'cpu', spec: spec([conv(8, 3, 2), conv(16, 3, 1, 'max')]), firstLayer: 'edge-trainable', options: run(0.01, 32, 9000, 1) },
  c8p_c16p_d64: {
    backend: 'cpu',
    spec: spec([conv(8, 3, 1, 'max'), conv(16, 3, 1, 'max')], [64]),
    firstLayer: 'edge-trainable',
    options: run(0.005, 32, 9000, 1),
  },
  c16s2_webgl: { backend: 'webgl', spec: spec([conv(16, 3, 2)]), firstLayer: 'edge-trainable', options: run(0.01, 64, 9000, 1) },
};
