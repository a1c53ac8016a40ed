/**
 * Throws when an array does not hold the number of values an operation needs, naming it:
 * each entry is [what the array is, its length, the length wanted], and `operation` ends the
 * message ("this convolution", "this pooling").
 */
export function checkArrayLengths(operation: string, sizes: readonly (readonly [string, number, number])[]): void {
  for (const [what, got, want] of sizes) {
    if (got !== want) throw new Error(`The ${what} has ${got} values; ${operation} needs ${want}.`);
  }
}
