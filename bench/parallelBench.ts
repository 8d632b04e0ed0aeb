/**
 * The 784-128-64-10 MLP (batch 64, SGD) on the wasm backend with its dense layers' products on one thread
 * and on two (src/node/parallelWasm.ts), alternating short windows and keeping each one's best, so both
 * see the same machine load. Run: node --import ./bench/binaryenPreload.mjs --import tsx bench/parallelBench.ts
 */
import os from 'node:os';
import { createParallelWasmBackend } from '../src/node/parallelWasm.js';
import { createIsolatedWasmBackend } from '../src/wasm/index.js';
import { prepareActlabSteps } from './actlabMlp.js';
import { largeTask } from './mlpTask.js';

const task = largeTask();
const parallel = await createParallelWasmBackend();
const engines = [
  { name: 'wasm, 1 thread', steps: prepareActlabSteps(task, await createIsolatedWasmBackend()), best: 0 },
  { name: 'wasm, 2 threads', steps: prepareActlabSteps(task, parallel), best: 0 },
];
for (let round = 0; round < 30; round++) {
  for (const e of engines) {
    const t0 = performance.now();
    let n = 0;
    do {
      e.steps.step();
      n++;
    } while (performance.now() - t0 < 150);
    if (round >= 3) e.best = Math.max(e.best, n / ((performance.now() - t0) / 1000));
  }
}
await parallel.close();
process.stdout.write(`${task.label}; ${os.cpus().length} cores, load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}\n`);
for (const e of engines) process.stdout.write(`  ${e.name.padEnd(16)} ${e.best.toFixed(0).padStart(6)} steps/s (best 150 ms window of 27)\n`);
process.stdout.write(`  2-thread speed-up: ${(engines[1].best / engines[0].best).toFixed(2)}×\n`);
