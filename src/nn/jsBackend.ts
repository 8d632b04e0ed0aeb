import type { Backend } from './backend.js';

/*
 * Matrix products use 4×4 register tiles: sixteen accumulators stay in registers across the whole k
 * loop (eight loads per sixteen multiply-adds), one specialised loop per operand layout so the inner
 * loop only bumps two indices. Accumulation is in f64 (JavaScript numbers), rounded to f32 once per
 * element. Nothing is allocated.
 */

/** C = A·B, A m×k, B k×n. Full 4×4 tiles only (rows < m - m % 4, columns < n - n % 4). */
function tilesNN(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = i * k;
      let pb = j;
      for (let p = 0; p < k; p++) {
        const b0 = b[pb], b1 = b[pb + 1], b2 = b[pb + 2], b3 = b[pb + 3];
        const a0 = a[pa], a1 = a[pa + k], a2 = a[pa + 2 * k], a3 = a[pa + 3 * k];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa++;
        pb += n;
      }
      store(c, i * n + j, n, accumulate, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
    }
  }
}

/** C = Aᵀ·B, A k×m, B k×n. Full 4×4 tiles only (rows < m - m % 4, columns < n - n % 4). */
function tilesTN(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = i;
      let pb = j;
      for (let p = 0; p < k; p++) {
        const b0 = b[pb], b1 = b[pb + 1], b2 = b[pb + 2], b3 = b[pb + 3];
        const a0 = a[pa], a1 = a[pa + 1], a2 = a[pa + 2], a3 = a[pa + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa += m;
        pb += n;
      }
      store(c, i * n + j, n, accumulate, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
    }
  }
}

/** C = A·Bᵀ, A m×k, B n×k. Full 4×4 tiles only (rows < m - m % 4, columns < n - n % 4). */
function tilesNT(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = i * k;
      let pb = j * k;
      for (let p = 0; p < k; p++) {
        const b0 = b[pb], b1 = b[pb + k], b2 = b[pb + 2 * k], b3 = b[pb + 3 * k];
        const a0 = a[pa], a1 = a[pa + k], a2 = a[pa + 2 * k], a3 = a[pa + 3 * k];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa++;
        pb++;
      }
      store(c, i * n + j, n, accumulate, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
    }
  }
}

/** Writes (or adds) a 4×4 tile at offset o of a row-major matrix with row length n. */
function store(
  c: Float32Array, o: number, n: number, accumulate: boolean,
  c00: number, c01: number, c02: number, c03: number, c10: number, c11: number, c12: number, c13: number,
  c20: number, c21: number, c22: number, c23: number, c30: number, c31: number, c32: number, c33: number,
): void {
  if (accumulate) {
    c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03; o += n;
    c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; o += n;
    c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; o += n;
    c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
  } else {
    c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
    c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
    c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
    c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
  }
}

/**
 * The edges of C(m×n) (+)= A·B that full 4×4 tiles leave (the last n % 4 columns and m % 4 rows),
 * for matrices addressed through strides: A(i, p) = a[i*aI + p*aP] and B(p, j) = b[p*bP + j*bJ].
 */
function gemmEdges(
  a: Float32Array, aI: number, aP: number,
  b: Float32Array, bP: number, bJ: number,
  c: Float32Array, m: number, k: number, n: number, accumulate: boolean,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const ai = i * aI;
    // Right edge: 4 rows × 1 column.
    for (let j = n4; j < n; j++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let pa0 = ai, pb = j * bJ;
      for (let p = 0; p < k; p++) {
        const bv = b[pb];
        c0 += a[pa0] * bv; c1 += a[pa0 + aI] * bv; c2 += a[pa0 + 2 * aI] * bv; c3 += a[pa0 + 3 * aI] * bv;
        pa0 += aP; pb += bP;
      }
      const o = i * n + j;
      if (accumulate) {
        c[o] += c0; c[o + n] += c1; c[o + 2 * n] += c2; c[o + 3 * n] += c3;
      } else {
        c[o] = c0; c[o + n] = c1; c[o + 2 * n] = c2; c[o + 3 * n] = c3;
      }
    }
  }
  // Bottom edge: 1 row × 4 columns, then 1×1.
  for (let i = m4; i < m; i++) {
    const ai = i * aI;
    for (let j = 0; j < n4; j += 4) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let pa = ai, pb0 = j * bJ;
      for (let p = 0; p < k; p++) {
        const av = a[pa];
        c0 += av * b[pb0]; c1 += av * b[pb0 + bJ]; c2 += av * b[pb0 + 2 * bJ]; c3 += av * b[pb0 + 3 * bJ];
        pa += aP; pb0 += bP;
      }
      const o = i * n + j;
      if (accumulate) {
        c[o] += c0; c[o + 1] += c1; c[o + 2] += c2; c[o + 3] += c3;
      } else {
        c[o] = c0; c[o + 1] = c1; c[o + 2] = c2; c[o + 3] = c3;
      }
    }
    for (let j = n4; j < n; j++) {
      let s = 0;
      let pa = ai, pb = j * bJ;
      for (let p = 0; p < k; p++) {
        s += a[pa] * b[pb];
        pa += aP; pb += bP;
      }
      const o = i * n + j;
      if (accumulate) c[o] += s;
      else c[o] = s;
    }
  }
}

/** The portable JavaScript backend: register-tiled matrix products, no allocation after creation. */
export const jsBackend: Backend = {
  name: 'js',
  gemm(a, b, c, m, k, n, accumulate) {
    tilesNN(a, b, c, m, k, n, accumulate);
    gemmEdges(a, k, 1, b, n, 1, c, m, k, n, accumulate);
  },
  gemmTN(a, b, c, m, k, n, accumulate) {
    tilesTN(a, b, c, m, k, n, accumulate);
    gemmEdges(a, 1, m, b, n, 1, c, m, k, n, accumulate);
  },
  gemmNT(a, b, c, m, k, n, accumulate) {
    tilesNT(a, b, c, m, k, n, accumulate);
    gemmEdges(a, k, 1, b, 1, k, c, m, k, n, accumulate);
  },
  broadcastRows(row, c, rows, cols) {
    const r = row.length === cols ? row : row.subarray(0, cols);
    for (let i = 0; i < rows; i++) c.set(r, i * cols);
  },
  sumRows(a, out, rows, cols, accumulate) {
    if (!accumulate) out.fill(0, 0, cols);
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) out[j] += a[o + j];
    }
  },
  mul(a, b, out) {
    const len = out.length;
    for (let i = 0; i < len; i++) out[i] = a[i] * b[i];
  },
  dense(x, w, b, z, n, k, u) {
    const kernel = denseKernel(k, u);
    if (kernel) {
      kernel(x, w, b, z, n);
      return;
    }
    jsBackend.broadcastRows(b, z, n, u);
    jsBackend.gemm(x, w, z, n, k, u, true);
  },
};

/** z(n×u) = b + x(n×k)·W(k×u), one generated loop per shape. */
export type DenseKernel = (x: Float32Array, w: Float32Array, b: Float32Array, z: Float32Array, n: number) => void;

/** Largest k·u that gets a generated kernel (its weights live in locals); wider layers use the tiled gemm. */
export const MAX_GENERATED_DENSE = 512;
const denseKernels = new Map<string, DenseKernel | null>();

/**
 * A loop for one layer shape with the weights and the row's inputs in locals: for narrow layers (the
 * explorer's 2-8-8-1 networks) about 4× faster than the tiled gemm, whose 4×4 tiles hardly fill, and
 * bit-identical to bias rows plus `gemm` (the same summation order in f64, one rounding to f32). Returns null
 * when the shape is too large or code generation is not allowed (a page's content security policy).
 */
export function denseKernel(k: number, u: number): DenseKernel | null {
  if (k * u > MAX_GENERATED_DENSE || k < 1 || u < 1) return null;
  const key = `${k}x${u}`;
  const hit = denseKernels.get(key);
  if (hit !== undefined) return hit;
  const lines: string[] = [];
  for (let j = 0; j < u; j++) lines.push(`const b${j} = b[${j}];`);
  for (let i = 0; i < k; i++) for (let j = 0; j < u; j++) lines.push(`const w${i}_${j} = w[${i * u + j}];`);
  lines.push('for (let r = 0; r < n; r++) {', `const xo = r * ${k}, zo = r * ${u};`);
  for (let i = 0; i < k; i++) lines.push(`const x${i} = x[xo + ${i}];`);
  for (let j = 0; j < u; j++) {
    const terms = Array.from({ length: k }, (_, i) => `x${i} * w${i}_${j}`);
    // b + (Σ in input order): the gemm's order (bias rows, then the f64 sum added once), so z is bit-identical.
    lines.push(`z[zo + ${j}] = b${j} + (${terms.join(' + ')});`);
  }
  lines.push('}');
  let fn: DenseKernel | null;
  try {
    fn = new Function('x', 'w', 'b', 'z', 'n', lines.join('\n')) as DenseKernel;
  } catch {
    fn = null;
  }
  denseKernels.set(key, fn);
  return fn;
}
