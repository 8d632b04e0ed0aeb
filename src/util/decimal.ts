/** A number written in decimal: optional sign, digits with an optional point, optional exponent. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The value of `text` when it is a decimal number (surrounding spaces ignored), else undefined. Unlike
 * `Number(text)` it refuses hex (0x10), binary (0b11), octal (0o7), `Infinity` and the empty string,
 * which users do not mean as numbers. A decimal too large for a double gives ±Infinity.
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : undefined;
}
