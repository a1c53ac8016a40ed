/**
 * The bench page: the real app (src/main.tsx, mounted exactly as in index.html) plus the
 * bench's own tfjs and convnetjs measurements, built together by Vite in production mode
 * so they share one tfjs instance, one WebGL context and one main thread with the app
 * (the worker figures run in bench workers of their own, built with the page).
 * scripts/bench.ts builds and serves it, then calls `window.convlensBench.*`.
 */
import '../../src/main';
import * as tf from '@tensorflow/tfjs';
import { convnetThroughput } from './pageConvnet';
import { fitThroughput, learningSpeed, loopThroughput, timePredict } from './pageTfjs';
import { workerConvnetThroughput, workerLoopThroughput } from './pageWorkers';

/** The WebGL renderer behind tfjs (SwiftShader here), as the browser reports it. */
function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unavailable';
}

async function environment() {
  await tf.ready();
  return { backend: tf.getBackend(), tfjsVersion: tf.version.tfjs, webglRenderer: webglRenderer(), userAgent: navigator.userAgent };
}

const api = {
  environment,
  timePredict,
  fitThroughput,
  loopThroughput,
  convnetThroughput,
  workerLoopThroughput,
  workerConvnetThroughput,
  learningSpeed,
  tensorCount: () => tf.memory().numTensors,
};

/** What the bench page offers node. */
export type BenchPageApi = typeof api;

declare global {
  interface Window {
    convlensBench?: BenchPageApi;
  }
}

window.convlensBench = api;
