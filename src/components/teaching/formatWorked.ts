const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A number for the worked tables: whole numbers as they are, 4 decimals in the everyday range
 * (more when the value is within 0.0001 of a whole number, so 0.9999988 does not read as
 * 1.0000), and very small or very large values as "3.21 × 10⁻⁹" so a reader never meets "e-9".
 */
export function formatWorked(v: number, decimals = 4): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e5) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e5) {
    // Close to a whole number (a probability of 0.9999988): show digits until it differs from it.
    const gap = Math.abs(v - Math.round(v));
    if (decimals >= 4 && gap < 10 ** -decimals) return v.toFixed(Math.min(12, Math.ceil(-Math.log10(gap)) + 1)).replace(/0+$/, '');
    return v.toFixed(decimals);
  }
  const [mantissa, exponent] = v.toExponential(2).split('e');
  const power = String(Number(exponent)).replace(/[-0-9]/g, (ch) => SUPERSCRIPT[ch]);
  return `${mantissa} × 10${power}`;
}
