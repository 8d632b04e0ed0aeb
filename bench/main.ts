/**
 * `npm run bench`: actlab's activation kernels and training engine side by side with TF.js (cpu, wasm)
 * and ONNX Runtime in one run, as ratios, and whether issue 3's speed targets are met.
 * Options: --json (one JSON document on stdout), --quick (short run), --kernels-only, --nn-only.
 */
import os from 'node:os';
import { benchKernels, type KernelResult } from './kernelBench.js';
import { benchNn, type NnResult } from './nnBench.js';
import { parseBenchOptions } from './options.js';
import { kernelLines, nnLines, targetLines } from './report.js';
import { checkTargets } from './targets.js';

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseBenchOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    return 2;
  }
  const log = (line: string): void => {
    if (!opts.json) process.stderr.write(`  … ${line}\n`);
  };
  const t0 = performance.now();
  const env = { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, quick: opts.quick };
  const kernels: KernelResult | null = opts.kernels ? await benchKernels(opts.quick, log) : null;
  const nn: NnResult | null = opts.nn ? await benchNn(opts.quick, log) : null;
  const targets = checkTargets(kernels, nn);
  const seconds = (performance.now() - t0) / 1000;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ env, kernels, nn, targets, seconds }, null, 2)}\n`);
  } else {
    const lines = [`actlab bench — node ${env.node}, ${env.cpu} (${env.cores} cores)${opts.quick ? ', quick' : ''}`, ''];
    if (kernels) lines.push(...kernelLines(kernels), '');
    if (nn) lines.push(...nnLines(nn));
    lines.push(...targetLines(targets), '', `took ${seconds.toFixed(0)} s`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
