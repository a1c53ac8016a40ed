/**
 * Layouts fitted this page's life, by model version and layer, so that coming back to the tab
 * or to a layer shows its map at once. Bounded: the oldest go first.
 */
import type { MapLayerId } from '../../model/digitMap/mapLayers';

export interface CachedLayout {
  readonly version: number;
  readonly layer: MapLayerId;
  /** The held-out digits' places, interleaved x, y, in held-out order. */
  readonly xy: Float32Array;
  /** Leave-one-out 5-NN accuracy of the layout, in [0, 1]. */
  readonly accuracy: number;
}

/** About 8 kB a layout: 64 of them are half a megabyte. */
const MAX_LAYOUTS = 64;
const layouts = new Map<string, CachedLayout>();

export const layoutKey = (version: number, layer: MapLayerId) => `${version}:${layer}`;

export function cachedLayout(version: number, layer: MapLayerId): CachedLayout | undefined {
  return layouts.get(layoutKey(version, layer));
}

export function rememberLayout(entry: CachedLayout): void {
  layouts.set(layoutKey(entry.version, entry.layer), entry);
  while (layouts.size > MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
}

/** The layouts of one model version, any layer. */
export function layoutsOf(version: number): CachedLayout[] {
  return [...layouts.values()].filter((l) => l.version === version);
}
