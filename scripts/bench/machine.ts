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
