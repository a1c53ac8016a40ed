import { describe, expect, it } from 'vitest';
import type { BackendChoice, ChoiceStorage } from '../model/backendChoice';
import { backendMemory } from './backendMemory';

/** A store with the two methods of the Web Storage API, in memory; `full` refuses writes, `forbidden` every use. */
class MemoryStorage implements ChoiceStorage {
  readonly items = new Map<string, string>();
  full = false;
  forbidden = false;
  getItem(key: string): string | null {
    if (this.forbidden) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.forbidden) throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const MEASURED: BackendChoice = {
  choice: 'wasm',
  rates: [
    { backend: 'wasm', examplesPerSecond: 850, error: null },
    { backend: 'webgl', examplesPerSecond: null, error: 'This browser has no OffscreenCanvas in a worker, so WebGL cannot run there.' },
    { backend: 'cpu', examplesPerSecond: 40, error: null },
  ],
  batchSize: 8,
  timedSteps: 2,
  measuredAt: Date.UTC(2026, 11, 3, 12),
  remembered: false,
};

describe('the page’s memory of the worker’s backend trial', () => {
  it('asks for a trial until one is remembered, then sends it as remembered, for this browser only', () => {
    const storage = new MemoryStorage();
    const memory = backendMemory(storage, 'Browser/1');
    expect(memory.request(false)).toEqual({ remembered: null, remeasure: false });
    expect(memory.remember(MEASURED)).toBe(true);
    expect(memory.request(false)).toEqual({ remembered: { ...MEASURED, remembered: true }, remeasure: false });
    // Measuring again sends nothing remembered.
    expect(memory.request(true)).toEqual({ remembered: null, remeasure: true });
    // Another browser (an update changes the user agent) measures for itself.
    expect(backendMemory(storage, 'Browser/2').request(false).remembered).toBeNull();
  });

  it('goes on without memory when the storage is full, forbidden or missing, or holds something unreadable', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const memory = backendMemory(storage, 'Browser/1');
    expect(memory.remember(MEASURED)).toBe(false);
    expect(memory.request(false).remembered).toBeNull();
    storage.full = false;
    storage.forbidden = true;
    expect(memory.remember(MEASURED)).toBe(false);
    expect(memory.request(false)).toEqual({ remembered: null, remeasure: false });
    const none = backendMemory(null, 'Browser/1');
    expect(none.remember(MEASURED)).toBe(false);
    expect(none.request(false).remembered).toBeNull();
    storage.forbidden = false;
    memory.remember(MEASURED);
    const [key] = storage.items.keys();
    storage.items.set(key, '{"choice":"webgl","rates":[]}');
    expect(memory.request(false).remembered).toBeNull();
  });
});
