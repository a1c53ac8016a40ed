/**
 * Min pooling in model files that leave ConvLens, written with tfjs's built-in layers only.
 *
 * Inside ConvLens min pooling is one layer, `MinPooling2D` (minPooling.ts), which plain tfjs
 * and Keras do not know. A model file handed to the user writes it instead as three
 * built-in layers that compute the same numbers, min(window) = -max(-window):
 *
 *   Rescaling (scale -1, offset 0) -> MaxPooling2D (same pool size, strides, padding) -> Rescaling (scale -1, offset 0)
 *
 * `x * -1 + 0` is exact in floating point (it flips the sign; only a -0 becomes +0), and
 * max pooling of the negated map picks the same cell that min pooling picks, so every
 * output equals MinPooling2D's `-maxPool(-x)` (the two differ at most in the sign of a
 * zero). With 'same' padding tfjs's max pooling counts only the cells inside the map, as
 * MinPooling2D does, so padded windows agree too (ConvLens itself only builds 'valid'
 * windows whose stride is their size). Rescaling has no weights, so the weights file and
 * its manifest are the same in both forms. The last Rescaling keeps the min-pooling
 * layer's name, so `pool1` still names the pooled map in the file.
 *
 * Reading a model.json, the triple is folded back into one MinPooling2D, so a downloaded
 * file uploads back as the same architecture; files written with MinPooling2D itself are
 * read as they are. Pure: plain JSON in, plain JSON out, no tfjs.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The layer list of a topology: functional `Model` or `Sequential`, with or without Keras's `model_config` wrapper. */
export function topologyLayers(topology: unknown): Json[] | null {
  if (!isObject(topology)) return null;
  const model = isObject(topology.model_config) ? topology.model_config : topology;
  const config = model.config;
  const layers = Array.isArray(config) ? config : isObject(config) ? config.layers : null;
  return Array.isArray(layers) && layers.every((l) => isObject(l) && typeof l.class_name === 'string' && isObject(l.config)) ? (layers as Json[]) : null;
}

/** A copy of `topology` whose layer list is `layers` (everything else shared, nothing changed in place). */
function withLayers(topology: Json, layers: Json[]): Json {
  if (isObject(topology.model_config)) return { ...topology, model_config: withLayers(topology.model_config, layers) };
  return Array.isArray(topology.config) ? { ...topology, config: layers } : { ...topology, config: { ...(topology.config as Json), layers } };
}

/** A config value in tfjs's snake_case or camelCase spelling. */
function param(layer: Json, snake: string, camel = snake): unknown {
  const config = layer.config as Json;
  return config[snake] ?? config[camel];
}

function layerName(layer: Json): string {
  return String(layer.name ?? param(layer, 'name'));
}

/** The input declaration a Sequential model's first layer carries, kept on whichever layer comes first. */
function inputKeys(config: Json): Json {
  const keys: Json = {};
  for (const key of ['batch_input_shape', 'batchInputShape', 'dtype']) if (config[key] !== undefined) keys[key] = config[key];
  return keys;
}

/** A functional model's layers name the layers they read in `inbound_nodes`; a Sequential model's do not. */
function isFunctional(layer: Json): boolean {
  return layer.inbound_nodes !== undefined;
}

/** The inbound nodes of a layer that reads the one output of `from`, as tfjs writes them. */
function readsFrom(from: string): unknown[] {
  return [[[from, 0, 0, {}]]];
}

/** A layer entry, with the name and inputs of a functional model when `inbound` is given. */
function entry(className: string, name: string, config: Json, inbound: unknown[] | null): Json {
  const full = { ...config, name };
  return inbound === null ? { class_name: className, config: full } : { name, class_name: className, config: full, inbound_nodes: inbound };
}

const NEGATION = { scale: -1, offset: 0 };

/**
 * The topology with every MinPooling2D written as Rescaling(-1) -> MaxPooling2D ->
 * Rescaling(-1), which plain tfjs loads. Unchanged (the same object) when there is no min
 * pooling. Throws when a MinPooling2D layer is applied more than once (ConvLens never does).
 */
export function expandMinPooling(topology: unknown): unknown {
  const layers = topologyLayers(topology);
  if (!layers || !layers.some((l) => l.class_name === 'MinPooling2D')) return topology;
  const taken = new Set(layers.map(layerName));
  const fresh = (base: string) => {
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
  const out: Json[] = [];
  for (const layer of layers) {
    if (layer.class_name !== 'MinPooling2D') {
      out.push(layer);
      continue;
    }
    const name = layerName(layer);
    const functional = isFunctional(layer);
    if (functional && (!Array.isArray(layer.inbound_nodes) || layer.inbound_nodes.length !== 1)) {
      throw new Error(
        `Min-pooling layer ${name} is applied ${Array.isArray(layer.inbound_nodes) ? layer.inbound_nodes.length : 0} times; it can only be written with built-in layers when applied once.`,
      );
    }
    const negated = fresh(`${name}_negated`);
    const pooled = fresh(`${name}_max_of_negated`);
    const poolSize = param(layer, 'pool_size', 'poolSize') ?? [2, 2];
    const trainable = param(layer, 'trainable') ?? true;
    out.push(
      entry('Rescaling', negated, { ...inputKeys(layer.config as Json), ...NEGATION, trainable }, functional ? (layer.inbound_nodes as unknown[]) : null),
      entry(
        'MaxPooling2D',
        pooled,
        {
          pool_size: poolSize,
          padding: param(layer, 'padding') ?? 'valid',
          strides: param(layer, 'strides') ?? poolSize,
          data_format: 'channels_last',
          trainable,
        },
        functional ? readsFrom(negated) : null,
      ),
      entry('Rescaling', name, { ...NEGATION, trainable }, functional ? readsFrom(pooled) : null),
    );
  }
  return withLayers(topology as Json, out);
}

function isNegation(layer: Json | undefined): layer is Json {
  if (layer?.class_name !== 'Rescaling') return false;
  const offset = param(layer, 'offset');
  return param(layer, 'scale') === -1 && (offset === undefined || offset === 0);
}

/** True when `layer` reads exactly one output: output 0 of node 0 of `from`. */
function readsOnly(layer: Json, from: string): boolean {
  const nodes = layer.inbound_nodes;
  if (!Array.isArray(nodes) || nodes.length !== 1 || !Array.isArray(nodes[0]) || nodes[0].length !== 1) return false;
  const input = nodes[0][0];
  return Array.isArray(input) && input[0] === from && input[1] === 0 && input[2] === 0;
}

/** Every layer name that `layers` read, or that the model outputs. */
function namesRead(topology: unknown, layers: Json[]): string[] {
  const names: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string') names.push(value[0]);
      else value.forEach(collect);
    }
  };
  for (const layer of layers) collect(layer.inbound_nodes);
  const model = isObject(topology) && isObject(topology.model_config) ? topology.model_config : topology;
  if (isObject(model) && isObject(model.config)) collect(model.config.output_layers);
  return names;
}

/**
 * The min-pooling layer that layers[i..i+2] compute, when they are exactly the built-in
 * triple: Rescaling(-1) -> channels-last MaxPooling2D -> Rescaling(-1), each (in a
 * functional model) reading only the one before and the first two read by nothing else.
 */
function foldAt(layers: Json[], i: number, read: readonly string[]): Json | null {
  const [first, max, last] = [layers[i], layers[i + 1], layers[i + 2]];
  if (!isNegation(first) || max?.class_name !== 'MaxPooling2D' || !isNegation(last)) return null;
  const format = param(max, 'data_format', 'dataFormat');
  if (format !== undefined && format !== 'channels_last') return null;
  const functional = isFunctional(first);
  if (functional !== isFunctional(max) || functional !== isFunctional(last)) return null;
  if (functional) {
    const [a, b] = [layerName(first), layerName(max)];
    if (!Array.isArray(first.inbound_nodes) || first.inbound_nodes.length !== 1 || !readsOnly(max, a) || !readsOnly(last, b)) return null;
    if (read.filter((n) => n === a).length !== 1 || read.filter((n) => n === b).length !== 1) return null;
  }
  const poolSize = param(max, 'pool_size', 'poolSize') ?? [2, 2];
  const config = {
    ...inputKeys(first.config as Json),
    trainable: param(last, 'trainable') ?? true,
    pool_size: poolSize,
    strides: param(max, 'strides') ?? poolSize,
    padding: param(max, 'padding') ?? 'valid',
  };
  return entry('MinPooling2D', layerName(last), config, functional ? (first.inbound_nodes as unknown[]) : null);
}

/**
 * The topology with every built-in min-pooling triple (see {@link expandMinPooling}) folded
 * back into one MinPooling2D named like the triple's last layer, as ConvLens builds it.
 * Anything else is left as it is; unchanged (the same object) when there is nothing to fold.
 */
export function collapseMinPooling(topology: unknown): unknown {
  const layers = topologyLayers(topology);
  if (!layers) return topology;
  const read = namesRead(topology, layers);
  const out: Json[] = [];
  let folded = false;
  for (let i = 0; i < layers.length; i++) {
    const min = foldAt(layers, i, read);
    if (min) {
      out.push(min);
      folded = true;
      i += 2;
    } else {
      out.push(layers[i]);
    }
  }
  return folded ? withLayers(topology as Json, out) : topology;
}
