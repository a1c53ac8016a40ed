/**
 * Words that stay in Latin script in the Chinese interface: names (of the app, the data set,
 * functions, optimisers, formats, backends, operators), layer names such as `conv1_relu`, and
 * units. Anything else in Latin script on a Chinese screen is an untranslated string.
 */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set([
  'ConvLens',
  'UMAP',
  'MNIST',
  'ReLU',
  'Sigmoid',
  'tanh',
  'Softmax',
  'softmax',
  'Dropout',
  'logits',
  'Adam',
  'SGD',
  'RMSProp',
  'WebGL',
  'webgl',
  'CPU',
  'cpu',
  'WebAssembly',
  'tfjs',
  'HTTP',
  'JavaScript',
  'PNG',
  'JPEG',
  'WebP',
  'GIF',
  'SVG',
  'Sobel',
  'Grad',
  'CAM',
  'px',
  'ms',
  'MB',
  // mathematical notation kept as written in Chinese textbooks, and the "i" of info buttons
  'logit',
  'e',
  'ln',
  'exp',
  'max',
  'min',
  'z',
  'i',
  'log',
  'sign',
  'clip',
  // the fast gradient sign method, named as in the literature
  'FGSM',
  // file extensions of a downloaded model (model.json, model.weights.bin) and format names
  'json',
  'weights',
  'bin',
  'JSON',
  'CNN',
  'TensorFlow',
  'js',
  'layers',
  'model',
  'modelTopology',
  'float32',
  'NaN',
  // keys
  'Ctrl',
  'Cmd',
  'Esc',
  'Escape',
  'Tab',
  'Home',
  'End',
]);

const LAYER_NAME = /^(conv|pool|dense|dropout)\d+(_(relu|sigmoid|tanh))?$/;

/** The Latin-script words of `text` that are neither allowed names nor layer names. */
export function untranslatedWords(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  // A single letter is a key name ("press P") or a variable (z, e), not an untranslated word.
  return words.filter((w) => w.length > 1 && !LATIN_ALLOWED.has(w) && !LAYER_NAME.test(w));
}
