import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OCCLUSION, patchOffsets, runToEnd } from '../../core/occlusion';
import { runInSlices } from '../../core/slices';
import { logProbability } from '../../core/softmax';
import { readMnist } from '../../data/node';
import type { PlainNetwork } from '../plainForward';
import { occlusionAllClassesSteps, occlusionForClass, plainClassScore } from './occlusion';
import { heldOutDigits, shippedPlainNetwork, type LabelledDigit } from './shippedForTests';

let plain: PlainNetwork;
let digits: LabelledDigit[];

beforeAll(() => {
  plain = shippedPlainNetwork();
  digits = heldOutDigits(readMnist(), 10);
});

describe('occlusionForClass', () => {
  it('measures drops of the log-probability the plain pass gives the class, a patch of 0 at a time', () => {
    const digit = digits[42];
    const result = occlusionForClass(plain, digit.image, digit.label);
    const logits = plain.run(digit.image.data).find((l) => l.kind === 'logits')!.data;
    expect(result.baseline).toBeCloseTo(logProbability(logits, digit.label), 9);
    expect(result.rows).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    // The patch at row 8, column 10 (position 4, 5), hidden by hand.
    const hidden = Float32Array.from(digit.image.data);
    for (let r = 8; r < 14; r++) hidden.fill(0, r * 28 + 10, r * 28 + 16);
    const score = plainClassScore(plain, digit.label);
    expect(result.drops.data[4 * 12 + 5]).toBeCloseTo(result.baseline - score(hidden), 5);
    // Hiding background that is already 0 changes nothing.
    expect(result.drops.data[0]).toBe(0);
    expect(() => plainClassScore(plain, 10)).toThrow(RangeError);
  });

  it('finds ink matters more than background to the true class, over 100 held-out digits', () => {
    // Stride 6 instead of the default 2: the same 6x6 patches, side by side (offsets 0, 6,
    // 12, 18, 22: every pixel hidden once, or twice near the far edges), 5 x 5 + 1 = 26
    // passes a digit instead of 145: 2,600 plain passes for the 100 digits.
    const options = { ...DEFAULT_OCCLUSION, stride: 6 };
    expect(patchOffsets(28, options.patch, options.stride)).toEqual([0, 6, 12, 18, 22]);
    let inkSum = 0;
    let backgroundSum = 0;
    let inkWins = 0;
    for (const digit of digits) {
      const { map } = occlusionForClass(plain, digit.image, digit.label, options);
      let ink = 0;
      let inkCount = 0;
      let background = 0;
      let backgroundCount = 0;
      digit.image.data.forEach((v, p) => {
        if (v >= 0.5) {
          ink += map.data[p];
          inkCount++;
        } else if (v === 0) {
          background += map.data[p];
          backgroundCount++;
        }
      });
      // Per digit: the mean drop over its ink pixels (grey >= 0.5) and over its background
      // pixels (grey 0); a background pixel next to the digit shares patches with ink, so
      // its mean drop is not 0 by construction.
      inkSum += ink / inkCount;
      backgroundSum += background / backgroundCount;
      if (ink / inkCount > background / backgroundCount) inkWins++;
    }
    const inkMean = inkSum / digits.length;
    const backgroundMean = backgroundSum / digits.length;
    console.info(
      `occlusion over ${digits.length} held-out digits: mean drop ${inkMean.toFixed(3)} on ink, ${backgroundMean.toFixed(3)} on background; ink first on ${inkWins}`,
    );
    expect(digits.length).toBe(100);
    // Measured with stride 6: 0.522 on ink against 0.051 on background (10.3 times), ink
    // first on 99 of the 100 (with stride 4: 10.7 times, all 100).
    expect(inkMean).toBeGreaterThan(6 * backgroundMean);
    expect(inkWins).toBeGreaterThanOrEqual(95);
  });
});

describe('occlusionAllClassesSteps', () => {
  it('scores every class from the same passes, equal to occlusionForClass class by class', () => {
    const digit = digits[17];
    const all = runToEnd(occlusionAllClassesSteps(plain, digit.image));
    expect(all).toHaveLength(10);
    for (let c = 0; c < 10; c++) {
      const one = occlusionForClass(plain, digit.image, c);
      expect(all[c].baseline, `class ${c}`).toBeCloseTo(one.baseline, 9);
      expect(all[c].maxAbs, `class ${c}`).toBeCloseTo(one.maxAbs, 6);
      all[c].drops.data.forEach((v, i) => expect(v, `class ${c}, patch ${i}`).toBeCloseTo(one.drops.data[i], 5));
      all[c].map.data.forEach((v, i) => expect(v, `class ${c}, pixel ${i}`).toBeCloseTo(one.map.data[i], 5));
    }
    // Different classes really differ: the true class's map is not another's.
    expect(all[digit.label].maxAbs).not.toBeCloseTo(all[(digit.label + 1) % 10].maxAbs, 3);
  });

  it('gives the same maps run in slices as run at once, one step per patch position, and stops when aborted', async () => {
    const digit = digits[55];
    const atOnce = runToEnd(occlusionAllClassesSteps(plain, digit.image));
    let pauses = 0;
    const sliced = await runInSlices(occlusionAllClassesSteps(plain, digit.image), {
      budgetMs: 0,
      pause: async () => {
        pauses++;
      },
    });
    // A budget of 0 runs one step a slice: a pause after each of the 144 positions.
    expect(pauses).toBe(144);
    sliced.forEach((r, c) => expect(Array.from(r.map.data)).toEqual(Array.from(atOnce[c].map.data)));
    const controller = new AbortController();
    let steps = 0;
    const aborted = runInSlices(occlusionAllClassesSteps(plain, digit.image), {
      signal: controller.signal,
      budgetMs: 0,
      pause: async () => {
        if (++steps === 10) controller.abort();
      },
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toBe(10);
  });
});
