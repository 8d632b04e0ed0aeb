/** Edit distance (Levenshtein, with adjacent transpositions counted as one edit). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[m][n];
}

/**
 * The candidates closest to `word` (case-insensitive), best first: at most `limit`, and only those within
 * a distance that still looks like a typo (a third of the word's length, at least 2), or that start with it.
 */
export function closest(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const scored = candidates
    .map((c) => {
      const lc = c.toLowerCase();
      const dist = editDistance(w, lc);
      const prefix = w.length >= 2 && lc.startsWith(w) ? 0.5 : dist;
      return { c, score: Math.min(dist, prefix) };
    })
    .filter((s) => s.score <= Math.max(2, Math.ceil(w.length / 3)))
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c));
  return [...new Set(scored.map((s) => s.c))].slice(0, limit);
}

/** " did you mean a, b?" or "" when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const c = closest(word, candidates);
  return c.length === 0 ? '' : ` did you mean ${c.join(' or ')}?`;
}
