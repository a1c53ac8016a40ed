const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A number for the worked tables: 4 decimals in the everyday range, and very small or very
 * large values as "3.21 × 10⁻⁹" so a reader never meets "e-9".
 */
export function formatWorked(v: number, decimals = 4): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e5) return v.toFixed(decimals);
  const [mantissa, exponent] = v.toExponential(2).split('e');
  const power = String(Number(exponent)).replace(/[-0-9]/g, (ch) => SUPERSCRIPT[ch]);
  return `${mantissa} × 10${power}`;
}
