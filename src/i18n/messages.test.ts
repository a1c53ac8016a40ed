import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { specProblemText } from '../components/training/ArchitectureEditor';
import { checkUpload, UPLOAD_LIMITS } from '../core/imageSniff';
import { FALLBACK_REASONS } from '../model/backend';
import { SESSION_ERROR_MESSAGES, SessionError, type SessionErrorCode } from '../model/sessionError';
import { validateSpec, type ConvBlockSpec, type ModelSpec } from '../model/spec';
import { collectResources } from './index';

const i18n = i18next.createInstance();
beforeAll(async () => i18n.init({ lng: 'en', fallbackLng: 'en', resources: await collectResources(), interpolation: { escapeValue: false } }));

function png(width: number, height: number): Uint8Array {
  const b = new Uint8Array(40);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

const block = (patch: Partial<ConvBlockSpec> = {}): ConvBlockSpec => ({
  filters: 8,
  kernelSize: 3,
  stride: 1,
  padding: 'same',
  activation: 'relu',
  pool: 'max',
  poolSize: 2,
  ...patch,
});

describe('messages built from codes', () => {
  it('say in English exactly what the core says, and in Chinese with the same numbers', () => {
    const cases = [new Uint8Array(0), new TextEncoder().encode('plain text'), png(10000, 10000), png(4096, 4000), new Uint8Array(UPLOAD_LIMITS.maxBytes + 1)];
    for (const bytes of cases) {
      const refusal = checkUpload(bytes);
      if (refusal.ok) throw new Error('expected a refusal');
      expect(i18n.t(`input:upload.problem.${refusal.code}`, refusal.params)).toBe(refusal.message);
      const chinese = i18n.t(`input:upload.problem.${refusal.code}`, { ...refusal.params, lng: 'zh-CN' });
      expect(chinese).toMatch(/\p{Script=Han}/u);
      for (const n of Object.values(refusal.params).filter((v) => v < 10_000)) expect(chinese).toContain(String(n));
    }
    expect(i18n.t('input:upload.problem.tooManyPixels', { ...(checkUpload(png(4096, 4000)) as { params: object }).params, lng: 'zh-CN' })).toContain(
      '1638.4万',
    );
  });

  it('give the backend fallback reasons in English as the adapter words them', () => {
    for (const [code, reason] of Object.entries(FALLBACK_REASONS)) expect(i18n.t(`errors:fallback.${code}`)).toBe(reason);
  });

  it('say the model session refusals in English as the session words them, and in Chinese with the same values', () => {
    const codes = Object.keys(SESSION_ERROR_MESSAGES) as SessionErrorCode[];
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      const error = new SessionError(code, { detail: 'out of memory 4096' });
      expect(error.message).not.toMatch(/\{\{|\}\}/);
      expect(i18n.t(`errors:session.${code}`, error.params)).toBe(error.message);
      const chinese = i18n.t(`errors:session.${code}`, { ...error.params, lng: 'zh-CN' });
      expect(chinese).toMatch(/\p{Script=Han}/u);
      if (SESSION_ERROR_MESSAGES[code].includes('{{detail}}')) expect(chinese).toContain('out of memory 4096');
    }
  });

  it.each([
    { convBlocks: [], dense: [] },
    { convBlocks: [block({ filters: 0 })], dense: [] },
    { convBlocks: [block(), block({ kernelSize: 2.5 })], dense: [] },
    { convBlocks: [block({ activation: 'gelu' as ConvBlockSpec['activation'] })], dense: [] },
    { convBlocks: [block()], dense: [{ units: 8, activation: 'relu', dropout: 0.95 }] },
    { convBlocks: [block({ padding: 'valid' }), block({ padding: 'valid' }), block({ kernelSize: 5, padding: 'valid' })], dense: [] },
    { convBlocks: [block({ padding: 'valid', poolSize: 4 }), block({ kernelSize: 9, padding: 'valid' })], dense: [] },
  ] as ModelSpec[])('explain an invalid spec in English as validateSpec does: %j', (spec) => {
    const check = validateSpec(spec);
    if (check.ok) throw new Error('expected a refusal');
    expect(specProblemText(i18n.getFixedT('en', 'training'), check.problem)).toBe(check.message);
    expect(specProblemText(i18n.getFixedT('zh-CN', 'training'), check.problem)).toMatch(/\p{Script=Han}/u);
  });
});
