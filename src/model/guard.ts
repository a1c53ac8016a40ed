/**
 * Wraps a wait for the backend (a tensor read) so its caller can give up on it: a read
 * from a lost WebGL context never settles, and code awaiting it would never reach the
 * `finally` that frees its tensors. A guard settles like `work`, or rejects early.
 */
export type Guard = <T>(work: Promise<T>) => Promise<T>;

/** The guard that never gives up (CPU backends, node). */
export const unguarded: Guard = (work) => work;
