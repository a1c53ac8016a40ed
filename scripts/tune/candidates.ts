/** The class-demo candidates the tuning script can train (pick with --candidates). */
import { DEFAULT_AUGMENT } from '../../src/model/augment';
import { DEFAULT_SPEC, type ConvBlockSpec, type ModelSpec } from '../../src/model/spec';
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
  // On wasm, which trains small networks 5-10 times faster than software WebGL here: bigger networks, several epochs.
  w_c16p_c32p: { backend: 'wasm', spec: spec([conv(16, 3, 1, 'max'), conv(32, 3, 1, 'max')]), firstLayer: 'edge-trainable', options: run(0.005, 32, 9000, 4) },
  w_c16p_c32p_d64: {
    backend: 'wasm',
    spec: spec([conv(16, 3, 1, 'max'), conv(32, 3, 1, 'max')], [64]),
    firstLayer: 'edge-trainable',
    options: run(0.003, 32, 9000, 4),
  },
  w_c8p_c16p_d64: {
    backend: 'wasm',
    spec: spec([conv(8, 3, 1, 'max'), conv(16, 3, 1, 'max')], [64]),
    firstLayer: 'edge-trainable',
    options: run(0.005, 32, 9000, 4),
  },
  w_default: { backend: 'wasm', spec: DEFAULT_SPEC, firstLayer: 'edge-trainable', options: run(0.002, 32, 9000, 3, 'constant') },
  w_default_cos: { backend: 'wasm', spec: DEFAULT_SPEC, firstLayer: 'edge-trainable', options: run(0.004, 32, 9000, 3) },
  w_c16p_c32p_d128: {
    backend: 'wasm',
    spec: spec([conv(16, 3, 1, 'max'), conv(32, 3, 1, 'max')], [128]),
    firstLayer: 'edge-trainable',
    options: run(0.003, 64, 9000, 4),
  },
  w_c8p_c16p_d64_aug: {
    backend: 'wasm',
    spec: spec([conv(8, 3, 1, 'max'), conv(16, 3, 1, 'max')], [64]),
    firstLayer: 'edge-trainable',
    options: { ...run(0.005, 32, 9000, 8), augment: DEFAULT_AUGMENT },
  },
  w_c8p_c16p_d64do: {
    backend: 'wasm',
    spec: { convBlocks: [conv(8, 3, 1, 'max'), conv(16, 3, 1, 'max')], dense: [{ units: 64, activation: 'relu', dropout: 0.3 }] },
    firstLayer: 'edge-trainable',
    options: run(0.005, 32, 9000, 8),
  },
  w_c12p_c24p_d64do: {
    backend: 'wasm',
    spec: { convBlocks: [conv(12, 3, 1, 'max'), conv(24, 3, 1, 'max')], dense: [{ units: 64, activation: 'relu', dropout: 0.3 }] },
    firstLayer: 'edge-trainable',
    options: run(0.005, 32, 9000, 6),
  },
  c16s2_webgl: { backend: 'webgl', spec: spec([conv(16, 3, 2)]), firstLayer: 'edge-trainable', options: run(0.01, 64, 9000, 1) },
};
