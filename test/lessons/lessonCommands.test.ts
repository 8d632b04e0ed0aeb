import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { LESSONS } from '../../src/lessons/lessons.js';

function capture(cwd: string): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, cwd, stdout: () => out, stderr: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'actlab-lessons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('actlab lessons / lesson', () => {
  it('`lessons --json` prints an array of {id, title} for every lesson', async () => {
    const io = capture(dir);
    expect(await main(['lessons', '--json'], io)).toBe(0);
    const list = JSON.parse(io.stdout()) as { id: string; title: string }[];
    expect(list.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    for (const l of list) expect(l.title.length).toBeGreaterThan(3);
  });

  it('`lesson <id> --json --out <dir>` prints the result and writes the chart as SVG', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'xor', '--json', '--out', 'charts'], io)).toBe(0);
    const doc = JSON.parse(io.stdout()) as Record<string, unknown>;
    for (const k of ['id', 'claim', 'setup', 'measurements', 'verdict', 'criterion']) expect(doc).toHaveProperty(k);
    expect(doc.id).toBe('xor');
    expect(['holds', 'does not hold', 'inconclusive']).toContain(doc.verdict);
    const svg = readFileSync(join(dir, 'charts', 'lesson-xor.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
  });

  it('`lesson` with --set changes a parameter and shows it in the human output', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'neuron', '--set', 'expected=0.5'], io)).toBe(0);
    expect(io.stdout()).toMatch(/expected=0.5/);
    expect(io.stdout()).toMatch(/Verdict: DOES NOT HOLD/);
  });

  it('an unknown lesson or a bad --set exits 2 with one line on stderr', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'nope'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^actlab: unknown lesson 'nope';/);
    const io2 = capture(dir);
    expect(await main(['lesson', 'xor', '--set', 'hidden'], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/--set needs name=value/);
  });
});
