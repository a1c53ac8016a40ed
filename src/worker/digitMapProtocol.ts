/** The messages between the page and the digit-map worker (digitMapWorker.ts). */
import type { MapLayerId } from '../model/digitMap/mapLayers';
import type { PlainWeight } from '../model/plainForward';
import type { ModelSpec } from '../model/spec';

/** From the page. `key` names a layout: one model version and one layer. */
export type DigitMapRequest =
  | {
      readonly type: 'fit';
      readonly job: number;
      readonly key: string;
      /** The model version the key belongs to: layouts of other versions are dropped. */
      readonly version: number;
      readonly spec: ModelSpec;
      readonly weights: readonly PlainWeight[];
      readonly layer: MapLayerId;
      /** The digits to lay out, 784 grey levels (0..255) each, one after the other. */
      readonly pixels: Uint8Array;
    }
  | { readonly type: 'place'; readonly job: number; readonly key: string; readonly image: Float32Array }
  | { readonly type: 'cancel'; readonly job: number };

/** Where a fit is: computing the layer's values, finding neighbours, laying out. */
export type DigitMapStage = 'features' | 'neighbours' | 'layout';

/** From the worker, each answering a request's `job`. */
export type DigitMapReply =
  | { readonly type: 'progress'; readonly job: number; readonly stage: DigitMapStage; readonly done: number; readonly total: number }
  | { readonly type: 'layout'; readonly job: number; readonly key: string; readonly xy: Float32Array }
  /** A digit placed; `xy` null when the worker no longer holds that layout. */
  | { readonly type: 'placed'; readonly job: number; readonly key: string; readonly xy: readonly [number, number] | null }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };
