/**
 * Props equality for `React.memo` when some props are small arrays rebuilt on every render
 * (a domain, tick values): equal when every prop is identical, or an array with identical
 * elements. Functions and objects must be stable for a component to skip its render.
 */
export function samePropValues<P extends object>(prev: P, next: P): boolean {
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Object.is(x, y)) return true;
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  });
}
