/**
 * Whether tfjs's WebGL backend can run in this worker: it draws on an OffscreenCanvas with a
 * WebGL2 context there (without a document, tfjs has no other canvas, and it asks for
 * WebGL 1 only on a document's canvas).
 */
import { messageOf } from '../core/messageOf';

/** Why WebGL cannot train here, or null when an OffscreenCanvas gives a WebGL2 context. */
export function offscreenWebglProblem(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return 'This browser has no OffscreenCanvas in a worker, so WebGL cannot run there.';
  let context: unknown;
  try {
    context = new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch (error) {
    return `An OffscreenCanvas in the worker gave no WebGL2 context: ${messageOf(error)}`;
  }
  if (!context) return 'An OffscreenCanvas in the worker gave no WebGL2 context.';
  // The probe's context is freed now rather than when it is collected.
  (context as WebGL2RenderingContext).getExtension('WEBGL_lose_context')?.loseContext();
  return null;
}
