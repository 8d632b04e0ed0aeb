/** Command-line options of `npm run bench:web`. */

export interface WebBenchOptions {
  /** One JSON document on stdout instead of a table. */
  readonly json: boolean;
  /** Seconds of live training measured on the page. */
  readonly seconds: number;
  /** Seconds of flat-out training in the worker and in Node. */
  readonly flatOutSeconds: number;
}

const USAGE = 'usage: npm run bench:web -- [--json] [--quick] [--seconds <n>]';

/** Parses the arguments; throws with the usage line on an unknown or malformed one. */
export function parseWebBenchOptions(argv: readonly string[]): WebBenchOptions {
  let json = false;
  let seconds = 10;
  let flatOutSeconds = 5;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--quick') {
      seconds = 3;
      flatOutSeconds = 2;
    } else if (a === '--seconds') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 1 || v > 120) throw new Error(`--seconds takes a number from 1 to 120 (got '${argv[i]}'); ${USAGE}`);
      seconds = v;
    } else throw new Error(`unknown option '${a}'; ${USAGE}`);
  }
  return { json, seconds, flatOutSeconds };
}
