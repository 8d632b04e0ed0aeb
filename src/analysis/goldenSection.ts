/**
 * Golden-section search for a minimum of g on [a, b]. Chosen over Brent's method on g' because it
 * needs only g, converges on kinks (|x| at 0) and tolerates derivatives that lose precision near a
 * removable singularity (sinc's f' near 0). It stops when the bracket is narrower than 1e−13·max(1, |x|).
 * Returns the best point seen, endpoints included.
 */
export function goldenSectionMin(g: (x: number) => number, a: number, b: number): { x: number; value: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let best = { x: a, value: g(a) };
  const consider = (x: number, v: number): void => {
    if (v < best.value || Number.isNaN(best.value)) best = { x, value: v };
  };
  consider(b, g(b));
  let lo = a;
  let hi = b;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = g(x1);
  let f2 = g(x2);
  consider(x1, f1);
  consider(x2, f2);
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
    if (f1 <= f2 || Number.isNaN(f2)) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = g(x1);
      consider(x1, f1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = g(x2);
      consider(x2, f2);
    }
  }
  return best;
}
