/**
 * Cancellation, the platform's one way: an `AbortController` cancels, an `AbortSignal` is
 * what the cancellable work watches. Work that is aborted rejects with the signal's reason
 * (a DOMException named 'AbortError' unless the canceller gave another reason), and callers
 * tell an abort from a failure with {@link isAbortError}: an abort is not an error to show.
 */

/** True when `error` is the platform's abort (an `AbortError`, as `signal.throwIfAborted()` throws). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Settles like `work`, unless `signal` aborts first: then rejects at once with the signal's
 * reason. For waits that may never end on their own (a read from a lost WebGL context), so
 * their callers still reach the `finally` that frees what they hold. `work` goes on; what it
 * settles with later is ignored.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
