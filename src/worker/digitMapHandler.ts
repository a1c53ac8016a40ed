/**
 * The digit-map worker's work, apart from the worker itself (so node tests drive it): the
 * layer's values of each digit by the plain-JavaScript forward pass, then a seeded UMAP fit,
 * with progress; the fitted layouts of the latest model version kept to place new digits.
 * A newer fit, or a cancel, stops the one in flight at its next pause.
 */
import { isAbortError } from '../core/abort';
import { MNIST_PIXELS } from '../core/grid';
import { messageOf } from '../core/messageOf';
import { nextTask, type Pause } from '../core/slices';
import { digitFeatures, layerFeatures, mapLayers, type MapLayer } from '../model/digitMap/mapLayers';
import { fitLayout, placeDigit, type FittedLayout } from '../model/digitMap/umapLayout';
import { PlainNetwork } from '../model/plainForward';
import type { DigitMapReply, DigitMapRequest } from './digitMapProtocol';

interface Held {
  readonly layout: FittedLayout;
  readonly layer: MapLayer;
  readonly plain: PlainNetwork | null;
}

/** Digits between two progress messages while the layer's values are computed. */
const DIGITS_A_REPORT = 50;

export function createDigitMapHandler(post: (reply: DigitMapReply) => void, pause: Pause = nextTask): (request: DigitMapRequest) => Promise<void> {
  const held = new Map<string, Held>();
  let heldVersion = -1;
  const running = new Map<number, AbortController>();

  const fit = async (request: Extract<DigitMapRequest, { type: 'fit' }>) => {
    // One fit at a time: a new one supersedes those in flight.
    for (const controller of running.values()) controller.abort();
    const controller = new AbortController();
    running.set(request.job, controller);
    const { signal } = controller;
    const { job } = request;
    try {
      const layer = mapLayers(request.spec).find((l) => l.id === request.layer);
      if (!layer || !layer.mappable) throw new Error(`The network has no layer ${request.layer} to map.`);
      const plain = layer.layerName === null ? null : PlainNetwork.create(request.spec, request.weights);
      const count = request.pixels.length / MNIST_PIXELS;
      const images = new Float32Array(request.pixels.length);
      for (let i = 0; i < images.length; i++) images[i] = request.pixels[i] / 255;
      // The values, a batch of digits at a time with a pause between (a cancel gets through).
      const rows: Float32Array[] = [];
      for (let start = 0; start < count; start += DIGITS_A_REPORT) {
        const end = Math.min(count, start + DIGITS_A_REPORT);
        rows.push(...layerFeatures(plain, images.subarray(start * MNIST_PIXELS, end * MNIST_PIXELS), layer));
        post({ type: 'progress', job, stage: 'features', done: end, total: count });
        await pause();
        signal.throwIfAborted();
      }
      post({ type: 'progress', job, stage: 'neighbours', done: 0, total: 1 });
      await pause();
      let lastReport = 0;
      const layout = await fitLayout(rows, {
        signal,
        pause,
        onProgress: ({ epoch, epochs }) => {
          if (epoch - lastReport < 5 && epoch < epochs) return;
          lastReport = epoch;
          post({ type: 'progress', job, stage: 'layout', done: epoch, total: epochs });
        },
      });
      if (request.version !== heldVersion) {
        held.clear();
        heldVersion = request.version;
      }
      held.set(request.key, { layout, layer, plain });
      post({ type: 'layout', job, key: request.key, xy: layout.xy });
    } catch (e) {
      if (!isAbortError(e)) post({ type: 'failed', job, message: messageOf(e) });
    } finally {
      running.delete(job);
    }
  };

  return async (request) => {
    if (request.type === 'fit') return fit(request);
    if (request.type === 'cancel') {
      running.get(request.job)?.abort();
      return;
    }
    const entry = held.get(request.key);
    try {
      const xy = entry ? placeDigit(entry.layout, digitFeatures(entry.plain, request.image, entry.layer)) : null;
      post({ type: 'placed', job: request.job, key: request.key, xy });
    } catch (e) {
      post({ type: 'failed', job: request.job, message: messageOf(e) });
    }
  };
}
