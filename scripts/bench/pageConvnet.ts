/**
 * The bench page's convnetjs figure: the same network as DEFAULT_SPEC in convnetjs
 * (convnetLoop.ts), trained in the bench page on its main thread, one batch per task so the
 * page stays responsive.
 */
import { trainConvnet } from './convnetLoop';
import { benchData, trainingSubset } from './pageTfjs';
import type { Throughput, ThroughputConfig } from './protocol';
import { windowThroughput } from './rateWindow';

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Examples per second of convnetjs training the default network (batch size as given) on
 * the page, after a one-batch warm-up, for `config.examples` examples or `maxSeconds`,
 * whichever comes first.
 */
export async function convnetThroughput(config: ThroughputConfig, maxSeconds: number): Promise<Throughput> {
  const data = await benchData();
  const { images, labels } = trainingSubset(data.train, config.examples, 7);
  const samples = await trainConvnet({ images, labels, batchSize: config.batchSize, examples: config.examples, maxSeconds }, nextTask);
  return windowThroughput(samples, config.batchSize, config.examples);
}
