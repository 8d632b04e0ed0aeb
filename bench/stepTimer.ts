/** Times a training step function by running it for a fixed wall-clock window. */

/** Steps per second of `step`, run in groups of `group` for `ms` milliseconds after `warmupMs` of warm-up. */
export function stepsPerSecond(step: () => void, ms: number, warmupMs: number, group = 10, finish: () => void = () => {}): number {
  const window = (limit: number): number => {
    const t0 = performance.now();
    let steps = 0;
    do {
      for (let i = 0; i < group; i++) step();
      steps += group;
    } while (performance.now() - t0 < limit);
    finish();
    return steps / ((performance.now() - t0) / 1000);
  };
  window(warmupMs);
  return window(ms);
}
