/** Command-line options of `npm run bench`. */

/** What the benchmark runs and how it prints. */
export interface BenchOptions {
  /** One JSON document on stdout instead of tables. */
  readonly json: boolean;
  /** Fewer repetitions and shorter timing windows (for a smoke run). */
  readonly quick: boolean;
  /** Which sections run. */
  readonly kernels: boolean;
  readonly nn: boolean;
}

const USAGE = 'usage: npm run bench -- [--json] [--quick] [--kernels-only | --nn-only]';

/** Parses the benchmark's arguments; throws with the usage line on an unknown one. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let json = false;
  let quick = false;
  let kernels = true;
  let nn = true;
  for (const a of argv) {
    if (a === '--json') json = true;
    else if (a === '--quick') quick = true;
    else if (a === '--kernels-only') nn = false;
    else if (a === '--nn-only') kernels = false;
    else throw new Error(`unknown option '${a}'; ${USAGE}`);
  }
  return { json, quick, kernels, nn };
}
