/**
 * Error function and complementary error function in full f64 precision (JavaScript has no Math.erf).
 *
 * Scheme and coefficients: Sun Microsystems' fdlibm `s_erf.c` (1993), the implementation behind the
 * C libraries of FreeBSD, openlibm and (via them) most language runtimes. Its notice asks to be kept:
 *   "Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun
 *    Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
 *    freely granted, provided that this notice is preserved."
 * Re-written for actlab in TypeScript; the intervals:
 * - |x| < 0.84375: erf(x) = x + x·P(x²)/Q(x²) (odd rational fit to (erf(x) − x)/x);
 * - 0.84375 ≤ |x| < 1.25: erf(x) = c + P1(s)/Q1(s), s = |x| − 1, c = 0.845062911510467529297 (single);
 * - 1.25 ≤ |x| < 28: erfc(x) = exp(−x² − 0.5625 + R(1/x²)/S(1/x²)) / x, with two fits split at 1/0.35,
 *   and e^(−x²) formed as e^(−z²)·e^((z−x)(z+x)) with z = x rounded to 24 bits, so z² is exact and the
 *   tail keeps its relative precision down to erfc(26.5) ≈ 1e-307 (then gradual underflow, then 0).
 * Stated error: below 1 ulp in each interval. Checked against Python's math.erf/erfc in
 * test/util/special.test.ts.
 */

/**
 * Builds erf and erfc. The factory is self-contained (it names nothing outside its body), so its source
 * text (`erfFunctions.toString()`) is also what actlab's printed JavaScript carries: one implementation.
 */
export function erfFunctions(): { readonly erf: (x: number) => number; readonly erfc: (x: number) => number } {
  const ERX = 8.45062911510467529297e-1;
  // erf on [0, 0.84375]
  const EFX = 1.28379167095512586316e-1;
  const PP = [1.28379167095512558561e-1, -3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5] as const;
  const QQ = [1, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6] as const;
  // erf on [0.84375, 1.25]
  const PA = [
    -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1,
    3.54783043256182359371e-2, -2.16637559486879084300e-3,
  ] as const;
  const QA = [
    1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2,
    1.19844998467991074170e-2,
  ] as const;
  // erfc on [1.25, 1/0.35]
  const RA = [
    -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2,
    -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592,
  ] as const;
  const SA = [
    1, 1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2, 4.29008140027567833386e2,
    1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2,
  ] as const;
  // erfc on [1/0.35, 28]
  const RB = [
    -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2,
    -1.02509513161107724954e3, -4.83519191608651397019e2,
  ] as const;
  const SB = [
    1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3, 2.55305040643316442583e3,
    4.74528541206955367215e2, -2.24409524465858183362e1,
  ] as const;

  /** Horner evaluation of c[0] + c[1]·t + c[2]·t² + … */
  function poly(c: readonly number[], t: number): number {
    let r = c[c.length - 1];
    for (let i = c.length - 2; i >= 0; i--) r = r * t + c[i];
    return r;
  }

  /** (erf(x) − x)/x for |x| < 0.84375. */
  function smallRatio(x: number): number {
    const z = x * x;
    return poly(PP, z) / poly(QQ, z);
  }

  /** erf(|x|) − ERX for 0.84375 ≤ |x| < 1.25. */
  function nearOne(a: number): number {
    const s = a - 1;
    return poly(PA, s) / poly(QA, s);
  }

  /** erfc(a) for 1.25 ≤ a < 28. */
  function tail(a: number): number {
    const s = 1 / (a * a);
    const rs = a < 1 / 0.35 ? poly(RA, s) / poly(SA, s) : poly(RB, s) / poly(SB, s);
    const z = Math.fround(a);
    return (Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + rs)) / a;
  }

  /** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; erf(±∞) = ±1, NaN → NaN. */
  function erf(x: number): number {
    if (x !== x) return Number.NaN;
    const a = Math.abs(x);
    if (a < 0.84375) {
      if (a < 3.725290298461914e-9) return x + EFX * x; // |x| < 2^-28: the series' first term
      return x + x * smallRatio(x);
    }
    if (a < 1.25) {
      const v = ERX + nearOne(a);
      return x > 0 ? v : -v;
    }
    if (a >= 6) return x > 0 ? 1 : -1;
    const v = 1 - tail(a);
    return x > 0 ? v : -v;
  }

  /** The complementary error function erfc(x) = 1 − erf(x), accurate in the right tail; erfc(−∞) = 2. */
  function erfc(x: number): number {
    if (x !== x) return Number.NaN;
    const a = Math.abs(x);
    if (a < 0.84375) {
      if (a < 1.3877787807814457e-17) return 1 - x; // |x| < 2^-56
      const y = smallRatio(x);
      if (x < 0.25) return 1 - (x + x * y);
      return 0.5 - (x * y + (x - 0.5));
    }
    if (a < 1.25) {
      const p = nearOne(a);
      return x > 0 ? 1 - ERX - p : 1 + (ERX + p);
    }
    if (a < 28) {
      if (x <= -6) return 2;
      const r = tail(a);
      return x > 0 ? r : 2 - r;
    }
    return x > 0 ? 0 : 2;
  }
  return { erf, erfc };
}

const ERF = erfFunctions();

/** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; erf(±∞) = ±1, NaN → NaN. */
export const erf: (x: number) => number = ERF.erf;

/** The complementary error function erfc(x) = 1 − erf(x), accurate in the right tail; erfc(−∞) = 2. */
export const erfc: (x: number) => number = ERF.erfc;
