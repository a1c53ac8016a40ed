import { describe, expect, it } from 'vitest';
import { formatWorked } from './formatWorked';

describe('formatWorked', () => {
  it('keeps everyday numbers readable and writes tiny ones as powers of ten', () => {
    expect(formatWorked(0)).toBe('0');
    expect(formatWorked(0.99871)).toBe('0.9987');
    expect(formatWorked(-12.3456, 2)).toBe('-12.35');
    expect(formatWorked(3.21e-9)).toBe('3.21 × 10⁻⁹');
    expect(formatWorked(1.5e12)).toBe('1.50 × 10¹²');
    expect(formatWorked(1)).toBe('1');
    expect(formatWorked(-8)).toBe('-8');
    expect(formatWorked(1 - 1.17e-6)).toBe('0.9999988');
    expect(formatWorked(1 + 1.17e-6)).toBe('1.0000012');
    expect(formatWorked(0.99995)).toBe('0.99995');
  });
});
