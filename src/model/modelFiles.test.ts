import { describe, expect, it } from 'vitest';
import { checkModelName, downloadFiles, fileSlug, MODEL_NAME_MAX, modelMetadata } from './modelFiles';
import { isQuotaError } from './library';

describe('model names', () => {
  it('trims, and turns control characters and runs of spaces into one space', () => {
    expect(checkModelName('  my\tfirst \u0007 CNN ')).toEqual({ ok: true, name: 'my first CNN' });
    expect(checkModelName('卷积网络 1')).toEqual({ ok: true, name: '卷积网络 1' });
  });

  it('refuses empty and overlong names', () => {
    expect(checkModelName('   ')).toEqual({ ok: false, code: 'name-empty' });
    expect(checkModelName('x'.repeat(MODEL_NAME_MAX)).ok).toBe(true);
    expect(checkModelName('x'.repeat(MODEL_NAME_MAX + 1))).toEqual({ ok: false, code: 'name-too-long' });
  });

  it('turns names into file-name-safe slugs', () => {
    expect(fileSlug('My model #2')).toBe('my-model-2');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('卷积 网络')).toBe('卷积-网络');
    expect(fileSlug('***')).toBe('model');
  });
});

describe('modelMetadata', () => {
  it('reads ConvLens metadata and ignores malformed values', () => {
    expect(modelMetadata({ convlens: { name: 'A', savedAt: '2026-01-01T00:00:00Z', heldOutAccuracy: 0.97 } }, 'x.json')).toEqual({
      name: 'A',
      savedAt: '2026-01-01T00:00:00Z',
      heldOutAccuracy: 0.97,
    });
    expect(modelMetadata({ convlens: { name: 42, savedAt: 'yesterday', heldOutAccuracy: 97 } }, 'digits.json')).toEqual({
      name: 'digits',
      savedAt: null,
      heldOutAccuracy: null,
    });
    expect(modelMetadata(undefined, '.json')).toEqual({ name: 'model', savedAt: null, heldOutAccuracy: null });
  });
});

describe('downloadFiles', () => {
  it('points the manifest at the weights file and keeps other metadata', () => {
    const pkg = {
      modelJson: {
        modelTopology: {},
        format: 'layers-model',
        userDefinedMetadata: { other: 1 },
        weightsManifest: [
          { paths: ['a.bin'], weights: [{ name: 'w' }] },
          { paths: ['b.bin'], weights: [{ name: 'v' }] },
        ],
      },
      weights: new Uint8Array(8),
    };
    const [json, bin] = downloadFiles(pkg, { name: 'Net', savedAt: null, heldOutAccuracy: 0.9 });
    const parsed = JSON.parse(json.data as string);
    expect(parsed.weightsManifest).toEqual([{ paths: ['./net.weights.bin'], weights: [{ name: 'w' }, { name: 'v' }] }]);
    expect(parsed.userDefinedMetadata).toEqual({ other: 1, convlens: { name: 'Net', savedAt: null, heldOutAccuracy: 0.9 } });
    expect(parsed.format).toBe('layers-model');
    expect(bin).toEqual({ fileName: 'net.weights.bin', mimeType: 'application/octet-stream', data: pkg.weights });
  });
});

describe('isQuotaError', () => {
  it('recognises the browser error, and tfjs-style wrapped errors', () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('Failed to save model', { cause: new DOMException('x', 'QuotaExceededError') }))).toBe(true);
    expect(isQuotaError(new Error('Cannot save: QuotaExceededError: Encountered full disk while opening backing store'))).toBe(true);
  });

  it('does not mistake other failures for a full quota', () => {
    expect(isQuotaError(new DOMException('Key already exists in the object store.', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(new Error('Network error'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
