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
  it('`lessons --json` lists every lesson, at least 25, with its kind and default seeds', async () => {
    const io = capture(dir);
    expect(await main(['lessons', '--json'], io)).toBe(0);
    const list = JSON.parse(io.stdout()) as { id: string; title: string; titleZh: string; kind: string; defaultSeeds: number }[];
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(list.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    for (const l of list) {
      expect(l.title.length).toBeGreaterThan(3);
      expect(l.titleZh).toMatch(/[\u4e00-\u9fff]/);
      expect(l.defaultSeeds).toBe(l.kind === 'seeded' ? 10 : 1);
    }
  });

  it('`lesson <id> --json --seeds 3 --out <dir>` gives {id, claim, setup, measurements, verdict, criterion, seeds, tally} and writes the chart', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'xor', '--json', '--seeds', '3', '--seed', '4', '--out', 'charts'], io)).toBe(0);
    const doc = JSON.parse(io.stdout()) as Record<string, unknown>;
    for (const k of ['id', 'claim', 'setup', 'measurements', 'verdict', 'criterion', 'seeds', 'tally', 'perSeed']) expect(doc).toHaveProperty(k);
    expect(doc.id).toBe('xor');
    expect(doc.seeds).toEqual([4, 5, 6]);
    const tally = doc.tally as { holds: number; doesNotHold: number; inconclusive: number };
    expect(tally.holds + tally.doesNotHold + tally.inconclusive).toBe(3);
    expect(['holds', 'does not hold', 'inconclusive']).toContain(doc.verdict);
    expect(typeof doc.criterion).toBe('string');
    const svg = readFileSync(join(dir, 'charts', 'lesson-xor.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
  });

  it('a deterministic lesson reports no seeds and a null tally', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'tanh_sigmoid', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout()) as Record<string, unknown>;
    expect(doc.seeds).toEqual([]);
    expect(doc.tally).toBeNull();
  });

  it('`--lang zh` prints the verdict, tally, criterion and measurement names in Chinese', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'relu_sparsity', '--lang', 'zh'], io)).toBe(0);
    const out = io.stdout();
    expect(out).toMatch(/^第 9 课：/);
    expect(out).toMatch(/结论：成立/);
    expect(out).toMatch(/各种子结论统计：成立 10 · 不成立 0 · 无法确定 0/);
    expect(out).toMatch(/判定标准：偏置为 0 时按构造成立/);
    expect(out).toMatch(/恰好为 0 的比例/);
    expect(out).toMatch(/各种子结论：1 成立；2 成立/);
    expect(out).toMatch(/发现：平均 49\.7% 的输出恰好为 0/);
    expect(out).not.toMatch(/Verdict|Criterion|meanZeroFraction/);
  });

  it('`lesson` with --set changes a parameter and shows it in the human output', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'neuron', '--set', 'expected=0.5'], io)).toBe(0);
    expect(io.stdout()).toMatch(/expected=0.5/);
    expect(io.stdout()).toMatch(/Verdict:  DOES NOT HOLD/);
    // The written finding describes the defaults, so it is left out when a parameter was changed.
    expect(io.stdout()).not.toMatch(/Finding:/);
  });

  it('an unknown lesson, a bad --set or a bad --seeds exits 2 with one line on stderr', async () => {
    const io = capture(dir);
    expect(await main(['lesson', 'nope'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^actlab: unknown lesson 'nope';/);
    const io2 = capture(dir);
    expect(await main(['lesson', 'xor', '--set', 'hidden'], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/--set needs name=value/);
    const io3 = capture(dir);
    expect(await main(['lesson', 'xor', '--seeds', '0'], io3)).toBe(2);
    expect(io3.stderr().trim().split('\n')).toHaveLength(1);
    expect(io3.stdout()).toBe('');
  });
});
