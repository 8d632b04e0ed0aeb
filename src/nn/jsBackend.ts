import type { Backend } from './backend.js';

/**
 * C(m×n) (+)= A·B for matrices addressed through strides: A(i, p) = a[i*aI + p*aP] and
 * B(p, j) = b[p*bP + j*bJ]. 4×4 register tiles (sixteen accumulators live in registers across the
 * whole k loop, eight loads per sixteen multiply-adds); edges fall back to 1×4, 4×1 and 1×1 tiles.
 * No allocation. Accumulation is in f64 (JavaScript numbers), rounded to f32 once per element.
 */
function gemmStrided(
  a: Float32Array, aI: number, aP: number,
  b: Float32Array, bP: number, bJ: number,
  c: Float32Array, m: number, k: number, n: number, accumulate: boolean,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const ai = i * aI;
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa0 = ai, pa1 = ai + aI, pa2 = ai + 2 * aI, pa3 = ai + 3 * aI;
      let pb0 = j * bJ, pb1 = pb0 + bJ, pb2 = pb1 + bJ, pb3 = pb2 + bJ;
      for (let p = 0; p < k; p++) {
        const b0 = b[pb0], b1 = b[pb1], b2 = b[pb2], b3 = b[pb3];
        const a0 = a[pa0], a1 = a[pa1], a2 = a[pa2], a3 = a[pa3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa0 += aP; pa1 += aP; pa2 += aP; pa3 += aP;
        pb0 += bP; pb1 += bP; pb2 += bP; pb3 += bP;
      }
      let o = i * n + j;
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
    gemmStrided(a, k, 1, b, n, 1, c, m, k, n, accumulate);
  },
  gemmTN(a, b, c, m, k, n, accumulate) {
    gemmStrided(a, 1, m, b, n, 1, c, m, k, n, accumulate);
  },
  gemmNT(a, b, c, m, k, n, accumulate) {
    gemmStrided(a, k, 1, b, 1, k, c, m, k, n, accumulate);
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
};
