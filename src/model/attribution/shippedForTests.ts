/**
 * Test support (node only): the shipped model of `public/models/default`, read from disk
 * both as a tfjs model and as the plain-JavaScript network, and held-out MNIST digits.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tf from '@tensorflow/tfjs';
import type { Image28 } from '../../core/grid';
import type { MnistData } from '../../data/mnistFormat';
import { digitImage, splitIndices } from '../../data/split';
import { deserialiseModel } from '../io';
import { PlainNetwork } from '../plainForward';
import { weightsFromShards } from '../plainModelFiles';
import { DEFAULT_SPEC } from '../spec';

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'models', 'default');

function modelFiles(): { modelJson: tf.io.ModelJSON; weights: Uint8Array } {
  const modelJson = JSON.parse(readFileSync(join(MODEL_DIR, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const weights = new Uint8Array(readFileSync(join(MODEL_DIR, modelJson.weightsManifest[0].paths[0])));
  return { modelJson, weights };
}

/** The shipped model as a tfjs model (the caller disposes it). */
export function loadShippedModel(): Promise<tf.LayersModel> {
  const { modelJson, weights } = modelFiles();
  return deserialiseModel({ modelJson, weightsFile: '', weights });
}

/** The shipped model as the plain-JavaScript network. */
export function shippedPlainNetwork(): PlainNetwork {
  const { modelJson, weights } = modelFiles();
  const bytes = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return PlainNetwork.create(DEFAULT_SPEC, weightsFromShards(modelJson.weightsManifest[0], bytes));
}

/** A held-out digit with its label. */
export interface LabelledDigit {
  readonly image: Image28;
  readonly label: number;
}

/** The first `perClass` held-out digits of each class, class 0 first. */
export function heldOutDigits(data: MnistData, perClass: number): LabelledDigit[] {
  const { test } = splitIndices(data);
  const digits: LabelledDigit[] = [];
  const taken = new Array<number>(10).fill(0);
  for (const g of test) {
    const label = data.labels[g];
    if (taken[label] >= perClass) continue;
    taken[label]++;
    digits.push({ image: digitImage(data, g), label });
  }
  return digits;
}
