/**
 * Loads tfjs's WebAssembly backend on demand (its JavaScript and binaries stay out of the
 * first chunk) and gives it the training kernels it lacks (wasmKernels.ts).
 *
 * In a build, the `?url` imports make Vite emit the three binaries as hashed assets beside
 * the bundle, which the service worker precaches (`wasm` is among its glob patterns), so the
 * backend starts offline. Node has no such URLs: pass the folder of the binaries instead
 * (node_modules/@tensorflow/tfjs-backend-wasm/dist/).
 */
import { registerWasmTrainingKernels } from './wasmKernels';

let loading: Promise<void> | null = null;

async function load(folder: string | undefined): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (folder !== undefined) {
    wasm.setWasmPaths(folder.endsWith('/') ? folder : `${folder}/`);
  } else {
    const [plain, simd, threadedSimd] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plain.default,
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd.default,
    });
  }
  registerWasmTrainingKernels();
}

/**
 * Makes the 'wasm' backend available to `tf.setBackend` (it does not switch to it). The
 * first call decides where the binaries come from; later calls share its loading. Rejects
 * with the loader's error when the module cannot be loaded, and a later call tries again.
 */
export function loadWasmBackend(binariesFolder?: string): Promise<void> {
  loading ??= load(binariesFolder).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
