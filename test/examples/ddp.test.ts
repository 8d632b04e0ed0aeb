/**
 * examples/ddp/train_ddp.py: a model exported to PyTorch trains with DistributedDataParallel (gloo, two
 * processes on 127.0.0.1) on the data set actlab exported, and reports its accuracy in actlab's format.
 */
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { modelToPytorch } from '../../src/export/index.js';
import { datasetToCsv, trainRun } from '../../src/run/index.js';
import { runPython, scratchDir } from '../export/runners.js';

const SCRIPT = fileURLToPath(new URL('../../examples/ddp/train_ddp.py', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('distributed training of an exported model (examples/ddp)', () => {
  const tmp = scratchDir('actlab-ddp-');
  afterAll(tmp.done);

  it('trains the exported iris model (learned per-unit PReLU) on two gloo processes and reports actlab-style metrics', async () => {
    const r = trainRun({ data: { name: 'iris' }, model: { hidden: [8], activation: 'prelu', params: 'per-unit' }, train: { epochs: 5 } });
    writeFileSync(join(tmp.dir, 'model.py'), modelToPytorch(r.saved));
    writeFileSync(join(tmp.dir, 'train.csv'), datasetToCsv(r.data.raw.train, 'label'));
    writeFileSync(join(tmp.dir, 'test.csv'), datasetToCsv(r.data.raw.test, 'label'));
    const epochs = 15;
    const doc = runPython([SCRIPT, '--model', join(tmp.dir, 'model.py'), '--train', join(tmp.dir, 'train.csv'), '--test', join(tmp.dir, 'test.csv'),
      '--epochs', String(epochs), '--reinit', '--port', String(await freePort()), '--save', join(tmp.dir, 'trained.pt')]) as {
      final: { trainLoss: number; testLoss: number; trainAccuracy: number; testAccuracy: number };
      history: { epoch: number }[]; workers: number; backend: string; replicasAgree: boolean; trainRows: number; testRows: number;
    };
    expect(doc.workers).toBe(2);
    expect(doc.backend).toBe('gloo');
    expect(doc.replicasAgree).toBe(true);
    expect(doc.history.map((h) => h.epoch)).toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
    expect([doc.trainRows, doc.testRows]).toEqual([r.data.raw.train.n, r.data.raw.test.n]);
    expect(Object.keys(doc.final).sort()).toEqual(['testAccuracy', 'testLoss', 'trainAccuracy', 'trainLoss']);
    expect(doc.final.testAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(doc.history[epochs - 1].epoch).toBe(epochs);
  }, 180_000);
});
