import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'actlab-realdata-'));
const penguins = new URL('../fixtures/penguins/penguins.csv', import.meta.url).pathname;
copyFileSync(penguins, join(dir, 'penguins.csv'));
const run = (...args: string[]) => runCli(args, dir);

/** A small MNIST-shaped file: label, then pixel columns; labels 0..9. */
const digits = ['label,p0,p1,p2,p3', ...Array.from({ length: 120 }, (_, i) => {
  const c = i % 10;
  return [c, ...[0, 1, 2, 3].map((j) => ((c * (j + 1) * 37 + i * 7) % 100) / 100)].join(',');
})].join('\n');
writeFileSync(join(dir, 'digits.csv'), `${digits}\n`);

describe('actlab train on real data as they come', () => {
  it('classifies integer labels by default, with a one-line note on stderr', async () => {
    const r = await run('train', '--data', 'digits.csv', '--target', 'label', '--activation', 'relu', '--epochs', '2', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.config.model.loss).toBe('categorical_crossentropy');
    expect(doc.final.testAccuracy).toBeDefined();
    expect(r.err).toContain("actlab: note: target 'label' holds 10 distinct integers: classification (pass --task regression to fit them as numbers)\n");
  });

  it('--task regression fits the labels as numbers; --loss cce is accepted for them', async () => {
    const reg = await run('train', '--data', 'digits.csv', '--target', 'label', '--task', 'regression', '--activation', 'relu', '--epochs', '1', '--json', '--quiet');
    expect(reg.code).toBe(0);
    expect(JSON.parse(reg.out).final.testR2).toBeDefined();
    const cce = await run('train', '--data', 'digits.csv', '--target', 'label', '--loss', 'cce', '--activation', 'relu', '--epochs', '1', '--quiet');
    expect(cce.code).toBe(0);
  });

  it('trains on the raw penguins file with no cleaning, and says how many rows it dropped', async () => {
    const r = await run('train', '--data', 'penguins.csv', '--target', 'species', '--activation', 'relu', '--epochs', '20');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/accuracy/);
    expect(r.err).toContain('actlab: note: dropped 10 of 344 rows with missing feature values (--missing mean fills them instead)');
  });

  it('--json, saved models and predict describe the CSV by path, rows and SHA-256, never its text', async () => {
    const sha = createHash('sha256').update(readFileSync(penguins)).digest('hex');
    const r = await run('train', '--data', 'penguins.csv', '--target', 'species', '--missing', 'mean', '--activation', 'tanh', '--epochs', '5', '--json', '--quiet', '--save', 'p.json');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThan(20_000);
    expect(JSON.parse(r.out).config.data.csv).toEqual({ target: 'species', missing: 'mean', path: 'penguins.csv', rows: 344, sha256: sha });
    const saved = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    expect(JSON.stringify(saved)).not.toContain('Torgersen,39.1');
    expect(saved.format).toBe('actlab-model');
    expect(saved.spec.data.csv).toEqual({ target: 'species', missing: 'mean', path: 'penguins.csv', rows: 344, sha256: sha });
    expect(saved.inputs.columns[0]).toEqual({ name: 'island', kind: 'categorical', categories: ['Biscoe', 'Dream', 'Torgersen'] });
    const p = await run('predict', '--model', 'p.json', '--data', 'penguins.csv', '--json');
    expect(p.code).toBe(0);
    const doc = JSON.parse(p.out);
    expect(doc.rows).toBe(344);
    expect(doc.accuracy).toBeGreaterThan(0.9);
    expect(p.err).toBe('actlab: note: 10 of 344 rows have missing values; they were filled with the training mean\n');
  });

  it('predict names a category the model never saw', async () => {
    await run('train', '--data', 'penguins.csv', '--target', 'species', '--activation', 'tanh', '--epochs', '1', '--quiet', '--save', 'q.json');
    writeFileSync(join(dir, 'new.csv'), 'species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\nAdelie,Atlantis,39,18,181,3750,male\n');
    const p = await run('predict', '--model', 'q.json', '--data', 'new.csv');
    expect(p.code).toBe(2);
    expect(p.err).toBe("actlab: new.csv: line 2, column 'island': category 'Atlantis' was not seen in training (known: Biscoe, Dream, Torgersen); use a known category or retrain with it\n");
  });

  it('predict still reads a model saved before column encodings were stored', async () => {
    writeFileSync(join(dir, 'num.csv'), 'a,b,label\n1,2,x\n2,1,y\n3,4,x\n4,3,y\n5,6,x\n6,5,y\n');
    expect((await run('train', '--data', 'num.csv', '--activation', 'tanh', '--epochs', '2', '--quiet', '--save', 'old.json')).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8'));
    delete saved.inputs.columns;
    saved.spec = null;
    writeFileSync(join(dir, 'old.json'), JSON.stringify(saved));
    const p = await run('predict', '--model', 'old.json', '--data', 'num.csv', '--json');
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out).rows).toBe(6);
  });

  it('compare --json and its report carry the CSV description, not the text', async () => {
    const r = await run('compare', '--data', 'digits.csv', '--target', 'label', '--activations', 'relu,tanh', '--seeds', '1', '--epochs', '1', '--workers', '1', '--json', '--quiet', '--report', 'rep');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.plan.data.csv).toMatchObject({ target: 'label', path: 'digits.csv', rows: 120 });
    expect(doc.plan.data.csv).not.toHaveProperty('text');
    expect(readFileSync(join(dir, 'rep', 'results.json'), 'utf8')).not.toContain('p0,p1');
    expect(readFileSync(join(dir, 'rep', 'report.md'), 'utf8')).not.toContain('p0,p1');
  });

  it('--task, --missing and --target are refused for built-in sets', async () => {
    const r = await run('train', '--data', 'xor', '--task', 'regression', '--activation', 'relu');
    expect(r.code).toBe(2);
    expect(r.err).toBe("actlab: --task applies to CSV files, and 'xor' is a built-in data set; drop --task or give a .csv file\n");
    expect(readdirSync(dir)).not.toContain('xor');
  });
});
