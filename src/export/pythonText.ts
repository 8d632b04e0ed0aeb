/** Small pieces of Python source shared by the PyTorch and NumPy exporters. */

/** A Python float literal that reads back as exactly `v` (shortest round-trip form; inf and nan spelled out). */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "float('-inf')";
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A Python string literal (JSON's escapes are valid Python). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** Base64 of float32 little-endian values (works in Node and browsers). */
export function float32Base64(values: ArrayLike<number>): string {
  const f = Float32Array.from(values);
  const bytes = new Uint8Array(f.buffer);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
