/**
 * CPU time per thread of the processes this script started (the browser and its renderer,
 * GPU and utility processes), read from Linux's /proc: a snapshot before, the difference
 * after, shown in cores used over the time between (1.0 = one core busy all along).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

interface ThreadTicks {
  /** "renderer / DedicatedWorker thread", "gpu-process / VizCompositorThread", … */
  readonly name: string;
  readonly ticks: number;
}

export interface CpuSnapshot {
  readonly at: number;
  readonly threads: ReadonlyMap<string, ThreadTicks>;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The fields after the command name of a /proc stat line (field 3, the state, first). */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The process's Chromium role (--type=…), "browser" for Chromium's main process, else its command name. */
function role(pid: string): string {
  const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
  const type = /--type=([^\s\0]+)/.exec(cmdline);
  if (type) return type[1];
  const comm = (read(`/proc/${pid}/comm`) ?? '?').trim();
  return /chrom/i.test(comm) ? 'browser' : comm;
}

/** Every process descending from `ancestor`. */
function descendants(ancestor: number): string[] {
  const parent = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const stat = read(`/proc/${pid}/stat`);
    if (stat) parent.set(pid, statFields(stat)[1]);
  }
  const below = (pid: string): boolean => {
    for (let p = parent.get(pid); p && p !== '0'; p = parent.get(p)) if (p === String(ancestor)) return true;
    return false;
  };
  return [...parent.keys()].filter(below);
}

/** The CPU ticks of every thread of every process this one started, now. */
export function threadCpuSnapshot(ancestor = process.pid): CpuSnapshot {
  const threads = new Map<string, ThreadTicks>();
  for (const pid of descendants(ancestor)) {
    const who = role(pid);
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const f = statFields(stat);
      const name = `${who} / ${(read(`/proc/${pid}/task/${tid}/comm`) ?? '?').trim()}`;
      threads.set(`${pid}/${tid}`, { name, ticks: Number(f[11]) + Number(f[12]) });
    }
  }
  return { at: performance.now(), threads };
}

/** Cores used per thread name (threads of one name and role summed) since `before`, most first. */
export function cpuSince(before: CpuSnapshot): { seconds: number; cores: [string, number][] } {
  const now = threadCpuSnapshot();
  const seconds = (now.at - before.at) / 1000;
  const sums = new Map<string, number>();
  for (const [key, thread] of now.threads) {
    const ticks = thread.ticks - (before.threads.get(key)?.ticks ?? 0);
    if (ticks > 0) sums.set(thread.name, (sums.get(thread.name) ?? 0) + ticks);
  }
  const cores = [...sums].map(([name, ticks]) => [name, ticks / TICKS / seconds] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { seconds, cores };
}

/** The threads that used at least 0.02 of a core, one a line. */
export function formatThreadCpu({ seconds, cores }: ReturnType<typeof cpuSince>): string {
  const total = cores.reduce((sum, [, c]) => sum + c, 0);
  const lines = cores.filter(([, c]) => c >= 0.02).map(([name, c]) => `    ${c.toFixed(2)} core  ${name}`);
  return [`  CPU of the browser's threads over ${seconds.toFixed(1)} s (total ${total.toFixed(2)} cores):`, ...lines].join('\n');
}
