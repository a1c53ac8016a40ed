/** A channel's value for captions: three significant digits, enough to compare two of them. */
export function formatActivation(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(3) : '–';
}
