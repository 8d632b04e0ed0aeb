/** Listing where two f32 arrays disagree, for oracle comparisons with readable failure messages. */
import { withinTolerance, type Tolerance } from '../../bench/peers/oracleInfo.js';

/**
 * Up to five lines `x=…: a vs b` for the inputs where `a` and `b` disagree beyond `tol`, skipping inputs
 * with |x| > `domain` and those listed in `skip` (kinks, for gradients). Empty when everything agrees.
 */
export function mismatches(x: Float32Array, a: ArrayLike<number>, b: ArrayLike<number>, tol: Tolerance, domain = Infinity, skip: readonly number[] = []): string[] {
  const bad: string[] = [];
  for (let i = 0; i < x.length && bad.length < 5; i++) {
    if (Math.abs(x[i]) > domain || skip.includes(x[i])) continue;
    if (!withinTolerance(a[i], b[i], tol)) bad.push(`x=${x[i]}: ${a[i]} vs ${b[i]}`);
  }
  return bad;
}
