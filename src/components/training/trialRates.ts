import type { BackendRate } from '../../model/backendTrial';

/** A trial's rate rounded as shown: whole digits a second, one decimal below ten. */
export function rounded(rate: number): number {
  return rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10;
}

/** `wasm:850,webgl:error,cpu:40`: every backend tried, with its rate (plain digits, no grouping) or `error`. */
export function ratesAttribute(rates: readonly BackendRate[]): string {
  return rates.map((r) => `${r.backend}:${r.examplesPerSecond === null ? 'error' : String(rounded(r.examplesPerSecond))}`).join(',');
}
