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

/**
 * The `read_csv(path)` function of an exported script: the CSV's rows as a float32 matrix, the columns of
 * FEATURES matched by name and the others ignored (as `actlab predict`). `matrix` wraps the list of rows
 * (`np.array(…, dtype=np.float32)` or `torch.tensor(…, dtype=torch.float32)`).
 */
export function pythonReadCsv(matrix: (rows: string) => string, doc?: string): string {
  return `def read_csv(path):
${doc ? `    """${doc}"""\n` : ''}    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r and any(c.strip() for c in r)]
    if len(rows) < 2:
        sys.exit("model.py: %s has no data rows; give a header line and at least one row" % path)
    header = [c.strip() for c in rows[0]]
    missing = [c for c in FEATURES if c not in header]
    if missing:
        sys.exit("model.py: no column %s in %s; the model needs %s" % (missing[0], path, ", ".join(FEATURES)))
    idx = [header.index(c) for c in FEATURES]
    return ${matrix('[[float(r[j]) for j in idx] for r in rows[1:]]')}
`;
}
