/**
 * The whole-pipeline fuzz, shared by test/expr/pipeline.test.ts and scripts/fuzz-pipeline.ts: text →
 * parse → simplify → differentiate (x twice, each parameter) → compile (scalar and kernels) → analyse →
 * terminal plot. Inputs are random token soups (mostly malformed), random expressions printed as text,
 * and products/sums/compositions that grow derivatives, with extreme constants. A case passes when it
 * gives a result or an ActlabError (the CLI's exit 2 with one line); anything else is a crash.
 */
import fc from 'fast-check';
import { resolveActivation } from '../../src/activations/resolve.js';
import { analyzeActivation } from '../../src/analysis/analyzeActivation.js';
import { termPlot } from '../../src/cli/termplot.js';
import { toText } from '../../src/expr/index.js';
import { ActlabError } from '../../src/util/errors.js';
import { exprArb } from './differential.js';

const TOKENS = [
  'x', 'x', 'x', '1', '2', '0', '0.5', '1e308', '1e-308', '1e300', '5e-324', 'pi', 'e', '+', '-', '*', '/', '^', '**', '(', ')', '(', ')', ',', '?', ':',
  '<', '<=', '>', '>=', '==', '!=', '&&', '||', '!', ';', '=', 'beta', 'sin', 'exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'softplus', 'max', 'clamp',
  'sinc', 'erf', 'abs', 'step', 'cbrt', 'log1p', 'expm1', 'sinc_d', 'hypot', ' ', '1e999', '.', 'x1', '#', '"',
];

/** Random token soup: mostly syntax errors, sometimes valid. */
const soupArb = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }).map((t) => t.join(''));

/** Structures that make derivatives grow: long products, sums and compositions of generated pieces. */
const growArb = fc
  .tuple(fc.constantFrom('*', '+', '/', '-'), fc.integer({ min: 2, max: 120 }), fc.constantFrom('x', 'sin(x)', 'exp(x)', 'x^2', 'sigmoid(x)', '1e308*x', 'tanh(1e300*x)', 'sqrt(abs(x))'))
  .map(([o, n, piece]) => Array.from({ length: n }, () => piece).join(o));
const nestArb = fc
  .tuple(fc.array(fc.constantFrom('sin', 'exp', 'log', 'tanh', 'sigmoid', 'softplus', 'sqrt', 'cbrt', 'erf', 'sinc'), { minLength: 1, maxLength: 30 }), fc.constantFrom('x', '1e308*x', 'x*x*x', 'pi*x'))
  .map(([fs, inner]) => fs.reduce<string>((acc, f) => `${f}(${acc})`, inner));

/** The text of one pipeline case. */
export const pipelineTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: soupArb },
  { weight: 3, arbitrary: exprArb.map((e) => { try { return toText(e); } catch { return 'x'; } }) },
  { weight: 2, arbitrary: growArb },
  { weight: 2, arbitrary: nestArb },
);

/** Outcome of one case. */
export type PipelineOutcome = { kind: 'ok' } | { kind: 'rejected'; message: string } | { kind: 'crash'; error: unknown };

/** The stages of one case, in order. */
export const PIPELINE_STAGES = ['resolve', 'analyse', 'plot', 'kernel'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Milliseconds spent per stage (wall clock and process CPU time), filled in by `runPipeline` when given. */
export type StageTimes = Partial<Record<PipelineStage, { wall: number; cpu: number }>>;

/**
 * Runs one text through the whole pipeline (`analyse: false` skips the property analysis): resolve (parse,
 * simplify, differentiate, compile), analyse, terminal plot, kernel. `times`, when given, receives each
 * stage's wall-clock and process CPU time.
 */
export function runPipeline(text: string, analyse = true, times?: StageTimes): PipelineOutcome {
  const stage = <T>(name: PipelineStage, fn: () => T): T => {
    if (!times) return fn();
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return fn();
    } finally {
      const c = process.cpuUsage(c0);
      times[name] = { wall: performance.now() - w0, cpu: (c.user + c.system) / 1000 };
    }
  };
  try {
    const a = stage('resolve', () => resolveActivation(text));
    if (analyse) stage('analyse', () => analyzeActivation(a));
    stage('plot', () => termPlot([{ name: 'f', f: a.f }, { name: "f'", f: a.df }], { from: -5, to: 5, width: 60, height: 14 }));
    stage('kernel', () => {
      const x = Float32Array.from([-1e30, -3, -0, 0, 1e-7, 2, 1e30, Number.NaN]);
      const y = new Float32Array(x.length);
      const d = new Float32Array(x.length);
      a.kernel.forwardDeriv(x, y, d, a.paramValues);
    });
    return { kind: 'ok' };
  } catch (err) {
    if (err instanceof ActlabError && !err.message.includes('\n')) return { kind: 'rejected', message: err.message };
    return { kind: 'crash', error: err };
  }
}
