/**
 * The programs the smoke run starts in process groups of their own (WebKitWebDriver with the
 * MiniBrowser it starts, the inspected MiniBrowser): stopped with their helpers when done, and
 * all at once if the run itself is interrupted.
 */
import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Notes a child started with `detached: true` (it leads its own process group). */
export function trackGroup(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** Stops the child's whole process group, if it still runs. */
export function stopGroup(child: ChildProcess): void {
  running.delete(child);
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** Stops every group still running. */
export function stopAllGroups(): void {
  for (const child of [...running]) stopGroup(child);
}
