/** The machine a bench run came from, for the report. */
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import type { Browser } from '@playwright/test';

export interface MachineInfo {
  readonly date: string;
  readonly os: string;
  readonly cpus: string;
  readonly memoryGB: number;
  readonly node: string;
  readonly chromium: string;
  /** One-minute load average when the bench started (about 0 on an idle machine; 2 = both cores busy). */
  readonly loadAverageAtStart: number;
  /** The same when the bench ended (its own browser included). */
  loadAverageAtEnd?: number;
  /** One-minute load average sampled every 10 s during the run (the bench's own browser keeps it near 2). */
  loadDuringRun?: { min: number; mean: number; max: number };
  backend?: string;
  tfjs?: string;
  webglRenderer?: string;
}

/** The one-minute load average, rounded. */
export function loadAverage(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}

export function machineInfo(browser: Browser): MachineInfo {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    os: `${osType()} ${release()}`,
    cpus: `${list.length} × ${list[0]?.model.trim() ?? 'unknown'}`,
    memoryGB: Math.round(totalmem() / 1e8) / 10,
    node: process.version,
    chromium: browser.version(),
    loadAverageAtStart: loadAverage(),
  };
}

/** Samples the one-minute load average every `intervalMs` until `stop()`, which summarises it. */
export function sampleLoad(intervalMs = 10_000): { stop(): { min: number; mean: number; max: number } } {
  const samples = [loadAverage()];
  const timer = setInterval(() => samples.push(loadAverage()), intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      return { min: Math.min(...samples), mean: Math.round(mean * 100) / 100, max: Math.max(...samples) };
    },
  };
}
