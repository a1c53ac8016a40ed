/**
 * What the training replay shows at one of a run's kept weight copies, computed with the
 * plain-JavaScript forward pass (no tfjs, about a millisecond): the first layer's kernels,
 * the first convolution block's maps for one digit, and the network's prediction for it.
 */
import { extractChannel } from '../core/channels';
import type { Grid } from '../core/grid';
import { PlainNetwork, type PlainWeight } from './plainForward';
import type { ModelSpec } from './spec';

export interface ReplayFrame {
  /** The first convolution's kernels, one k x k Grid per output channel (its input is the one-channel digit). */
  readonly kernels: readonly Grid[];
  /** The layer the maps come from: the first convolution after its activation (`conv1_relu`, ...). */
  readonly mapsLayer: string;
  /** That layer's output for the digit, one Grid per channel. */
  readonly maps: readonly Grid[];
  /** The softmax output for the digit: 10 probabilities. */
  readonly probabilities: Float32Array;
}

/**
 * The replay's view of `weights` (a copy of a model built from `spec`, in `model.weights`
 * order) for `image` (784 grey levels in [0, 1], row-major, white on black).
 * @throws Error when the weights are not those of `spec` (see PlainNetwork.create)
 */
export function replayFrame(spec: ModelSpec, weights: readonly PlainWeight[], image: Float32Array): ReplayFrame {
  const outputs = PlainNetwork.create(spec, weights).run(image);
  const conv = outputs.findIndex((o) => o.kind === 'conv');
  const maps = outputs[conv + 1]?.kind === 'activation' ? outputs[conv + 1] : outputs[conv];
  const [height, width, channels] = maps.shape;
  const kernel = weights[0];
  const [k, , , filters] = kernel.shape;
  return {
    kernels: Array.from({ length: filters }, (_, f) => extractChannel(kernel.values, k, k, filters, f)),
    mapsLayer: maps.name,
    maps: Array.from({ length: channels }, (_, c) => extractChannel(maps.data, height, width, channels, c)),
    probabilities: outputs[outputs.length - 1].data,
  };
}
