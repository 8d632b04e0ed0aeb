/**
 * A prepared, repeatable peer computation for the benchmark: inputs already live in the peer's memory, and
 * one `run()` computes the op (and its backward pass, if asked) and reads every output back to JS.
 */

/** One prepared computation; `run` is the timed region, `dispose` frees the peer-side inputs. */
export interface PeerRun {
  /** e.g. `tfjs-wasm gelu forward+backward`. */
  readonly label: string;
  /** Computes and reads back the outputs: forward values, or forward values then the input gradient. */
  run(): Promise<Float32Array[]>;
  dispose(): void;
}

/** Milliseconds per repetition over `reps` timed runs after `warmup` untimed ones. */
export interface RunTimes {
  readonly medianMs: number;
  readonly minMs: number;
  readonly samplesMs: readonly number[];
}

/** Times `run` `reps` times (after `warmup` runs) with performance.now(). */
export async function timeRuns(run: () => Promise<unknown>, reps: number, warmup = 2): Promise<RunTimes> {
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`timeRuns: reps is ${reps}; pass a whole number of at least 1`);
  for (let k = 0; k < warmup; k++) await run();
  const samples: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, minMs: sorted[0], samplesMs: samples };
}
