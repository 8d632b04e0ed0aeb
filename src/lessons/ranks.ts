/** Ranking helpers for lessons that compare several activations. */

/** Ranks of `values` (1 = largest), ties sharing the mean of their ranks. */
export function ranksDescending(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(values.length);
  for (let k = 0; k < order.length; ) {
    let e = k;
    while (e + 1 < order.length && order[e + 1].v === order[k].v) e++;
    const r = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) ranks[order[q].i] = r;
    k = e + 1;
  }
  return ranks;
}

/** Arithmetic mean (0 for an empty list). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
