import * as tf from '@tensorflow/tfjs';

/** The tfjs backends ConvLens uses: WebGL when it works, the CPU otherwise. */
export type BackendName = 'webgl' | 'cpu';

/** Why the CPU runs the models instead of WebGL, as a key for the UI's message catalogue. */
export type FallbackCode = 'noWebgl' | 'noFloat32' | 'contextLost';

/** The English sentence of each fallback reason. */
export const FALLBACK_REASONS: Readonly<Record<FallbackCode, string>> = {
  noWebgl: 'WebGL is not available in this browser.',
  noFloat32: 'This WebGL cannot render float32 textures.',
  contextLost: 'The WebGL context was lost.',
};

/**
 * Which backend runs the models (tfjs has one global backend, so training and inference
 * share it), and why it is not the preferred one (null when it is), in English and as a code.
 */
export interface BackendInfo {
  readonly backend: BackendName;
  readonly fallbackReason: string | null;
  readonly fallbackCode: FallbackCode | null;
}

async function switchToCpu(code: FallbackCode | null): Promise<BackendInfo> {
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', fallbackReason: code ? FALLBACK_REASONS[code] : null, fallbackCode: code };
}

/**
 * Selects the backend: WebGL (about ten times faster for training) when the browser has
 * it and it can render float32 textures (half floats make training diverge), the CPU
 * otherwise, with a reason the UI can show. Never throws for a missing WebGL.
 */
export async function chooseBackend(preferred: BackendName = 'webgl'): Promise<BackendInfo> {
  if (preferred === 'cpu') return switchToCpu(null);
  let ok: boolean;
  try {
    ok = await tf.setBackend('webgl');
    if (ok) await tf.ready();
  } catch {
    ok = false;
  }
  if (!ok || tf.getBackend() !== 'webgl') return switchToCpu('noWebgl');
  if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) return switchToCpu('noFloat32');
  return { backend: 'webgl', fallbackReason: null, fallbackCode: null };
}

/**
 * Switches to the CPU after WebGL failed (for instance its context was lost). Tensors made
 * on WebGL, model weights included, are gone: rebuild models on the CPU and put their
 * weights back from a `WeightSnapshot`, or reload the pretrained model.
 */
export function fallBackToCpu(code: FallbackCode = 'contextLost'): Promise<BackendInfo> {
  return switchToCpu(code);
}

/**
 * Calls `listener` once if the WebGL context of the current backend is lost. Returns the
 * function that removes the listener (a no-op when the backend is not WebGL).
 */
export function watchContextLoss(listener: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => undefined;
  const backend = tf.backend() as unknown as { getGPGPUContext?: () => { gl: WebGLRenderingContext } };
  const canvas = backend.getGPGPUContext?.().gl.canvas;
  if (!canvas) return () => undefined;
  const handler = () => listener();
  canvas.addEventListener('webglcontextlost', handler, { once: true });
  return () => canvas.removeEventListener('webglcontextlost', handler);
}

/**
 * True when the current backend is WebGL and its context is lost. A read that finishes
 * after the loss returns zeros, not the values: check this before trusting what it gave.
 */
export function webglContextLost(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const backend = tf.backend() as unknown as { getGPGPUContext?: () => { gl: WebGLRenderingContext } };
  return backend.getGPGPUContext?.().gl.isContextLost() ?? false;
}

/**
 * After a context loss, stops tfjs polling the dead context: a pending read waits for a
 * fence that a lost context never signals, and tfjs would re-check it every few
 * milliseconds for ever. Those reads are abandoned by their callers (they are raced
 * against the loss), so dropping the queue loses nothing.
 */
export function stopPollingLostWebGl(): void {
  const webgl = tf.findBackend('webgl') as unknown as { getGPGPUContext?: () => { itemsToPoll?: unknown[] } } | null;
  const queue = webgl?.getGPGPUContext?.().itemsToPoll;
  if (Array.isArray(queue)) queue.length = 0;
}

/** The number of live tensors (the app's tensor counter; it must return to its baseline). */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}

/** The name of the backend tfjs uses now. */
export function currentBackend(): string {
  return tf.getBackend();
}
