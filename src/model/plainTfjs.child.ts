/**
 * Loads model files with plain tfjs, in a node process of its own, and reports what the
 * models compute: `downloadPlainTfjs.test.ts` runs it (`node --import tsx`) on the files
 * ConvLens offers for download. It imports `@tensorflow/tfjs` and nothing of ConvLens, so
 * no ConvLens layer is registered here: what loads, loads as any tfjs user would load it,
 * with `tf.loadLayersModel(url)` over HTTP, the weights file found through the manifest.
 *
 * Argument: a job file (JSON, {@link PlainTfjsJob}); the report goes to `job.report`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

export interface PlainTfjsJob {
  /** The folder the files are served from. */
  readonly dir: string;
  /** Float32 grey levels, 784 per digit, in `dir`. */
  readonly digitsFile: string;
  /** model.json files to load and run, and the layers whose outputs to report. */
  readonly models: readonly { readonly json: string; readonly layers: readonly string[] }[];
  /** model.json files expected not to load (the load error is reported). */
  readonly refused: readonly string[];
  readonly report: string;
}

export interface PlainTfjsReport {
  /** Every class name in tfjs's serialisation registry. */
  readonly registered: string[];
  /** What each model computed on the digits, or why it did not load. */
  readonly models: Record<string, { classes: string[]; probabilities: number[]; layers: Record<string, number[]> } | { error: string }>;
  readonly refused: Record<string, string>;
  /** Tensors alive before the first load and after the last model was disposed. */
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as PlainTfjsJob;
  await tf.setBackend('cpu');
  const server = createServer((request, response) => {
    readFile(join(job.dir, basename(new URL(request.url ?? '/', 'http://x').pathname)))
      .then((body) => response.writeHead(200).end(body))
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const digitBytes = readFileSync(join(job.dir, job.digitsFile));
  const digits = new Float32Array(digitBytes.buffer.slice(digitBytes.byteOffset, digitBytes.byteOffset + digitBytes.byteLength));
  const tensorsBefore = tf.memory().numTensors;
  const models: PlainTfjsReport['models'] = {};
  const refused: PlainTfjsReport['refused'] = {};
  try {
    const x = tf.tensor4d(digits, [digits.length / 784, 28, 28, 1]);
    for (const { json, layers } of job.models) {
      let model: tf.LayersModel;
      try {
        model = await tf.loadLayersModel(base + json);
      } catch (e) {
        models[json] = { error: e instanceof Error ? e.message : String(e) };
        continue;
      }
      const probe = tf.model({ inputs: model.inputs, outputs: [model.outputs[0], ...layers.map((name) => model.getLayer(name).output as tf.SymbolicTensor)] });
      const outputs = probe.predict(x);
      const [probabilities, ...maps] = Array.isArray(outputs) ? outputs : [outputs];
      models[json] = {
        classes: model.layers.map((l) => l.getClassName()),
        probabilities: Array.from(await probabilities.data()),
        layers: Object.fromEntries(await Promise.all(layers.map(async (name, i) => [name, Array.from(await maps[i].data())]))),
      };
      tf.dispose([probabilities, ...maps]);
      model.dispose();
    }
    x.dispose();
    for (const json of job.refused) {
      try {
        (await tf.loadLayersModel(base + json)).dispose();
        refused[json] = '';
      } catch (e) {
        refused[json] = e instanceof Error ? e.message : String(e);
      }
    }
  } finally {
    server.close();
  }
  const report: PlainTfjsReport = {
    registered: Object.keys(tf.serialization.SerializationMap.getMap().classNameMap),
    models,
    refused,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
  writeFileSync(job.report, JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
