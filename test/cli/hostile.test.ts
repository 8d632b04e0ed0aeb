import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/** The commands of issue 15's "What is wrong today": each answers with exit 2 and one line naming what is wrong, and leaves no file. */
const cases: Array<[string[], RegExp]> = [
  [['train', '--data', 'xor', '--hidden', '100000,100000', '--activation', 'relu'], /--hidden 100000,100000: the hidden layers alone would have 10,000,100,000 weights; the limit is 20,000,000/],
  [['train', '--data', 'iris', '--hidden', '4470,4470', '--activation', 'relu'], /the network 4-4470-4470-3 would have 20,021,133 weights; the limit is 20,000,000/],
  [['train', '--data', 'xor', '--hidden', '4000', '--batch', '100000', '--activation', 'relu'], /a batch of 100000 rows through 2-4000-1 would hold 400,300,000 activations; the limit is 50,000,000/],
  [['plot', 'relu', '--out', '/proc/a.svg'], /--out '\/proc\/a.svg': cannot write in the folder '\/proc'/],
  [['plot', 'relu', '--out', 'folder'], /--out 'folder' is a folder; give a file name inside it/],
  [['plot', 'relu', '--out', `${'p'.repeat(300)}.svg`], /a name in the path is 304 bytes long; the limit is 255/],
  [['train', '--data', 'xor', '--activation', 'relu', '--save', 'folder'], /--save 'folder' is a folder/],
  [['compare', '--data', 'xor', '--activations', 'relu,tanh', '--report', 'file.txt'], /--report 'file.txt' is a file, not a folder/],
  [['compare', '--data', 'xor', '--activations', 'relu,tanh', '--report', '/proc/rep'], /--report '\/proc\/rep': cannot write in the folder '\/proc'/],
  [['search', '--data', 'xor', '--out', '/proc/x', '--budget', '2'], /--out '\/proc\/x': cannot write in the folder '\/proc'/],
  [['search', '--data', 'xor', '--out', 'file.txt', '--budget', '2'], /--out 'file.txt' is a file, not a folder/],
  [['lesson', 'xor', '--out', '/etc/passwd'], /--out '\/etc\/passwd' is a file, not a folder/],
  [['lesson', 'xor', '--out', '/proc/x'], /--out '\/proc\/x': cannot write in the folder '\/proc'/],
  [['train', '--data', 'xor', '--activation', 'relu', '--save', 'm.json', '--plot', 'loss.txt'], /--plot 'loss.txt': use a \.svg or \.png file name/],
  [['train', '--data', 'xor', '--activation', 'relu', '--save', 'm.json', '--boundary', 'b.txt'], /--boundary 'b.txt': use a \.svg or \.png file name/],
  [['train', '--data', 'xor', '--activation', 'relu', '--plot', 'loss.svg', '--boundary', '/nonexistent/b.svg'], /--boundary '\/nonexistent\/b.svg': the folder '\/nonexistent' does not exist/],
  [['train', '--data', 'iris', '--activation', 'relu', '--plot', 'loss.svg', '--boundary', 'b.svg'], /--boundary needs 2-D data but 'iris' has 4 features/],
  [['train', '--data', 'e300.csv', '--activation', 'relu'], /e300.csv: line 3, column 'a': 1e300 is beyond the 32-bit float range/],
  [['train', '--data', 'xor', '--activation', 'x/0'], /--activation 'x\/0' gives NaN at x = 0; a hidden activation must be finite/],
  [['compare', '--data', 'xor', '--activations', 'relu,log(x)'], /--activations 'log\(x\)' gives -Infinity at x = 0/],
  [['eval', 'relu', '--x=0x10'], /--x has '0x10', which is not a decimal number/],
  [['train', '--data', 'xor', '--activation', 'relu', '--epochs', '0x10'], /--epochs must be a whole number from 1 to 1000000, got '0x10'/],
  [['lesson', 'neuron', '--set', 'bias=0x1'], /parameter bias must be a number, got '0x1'/],
  [['eval', 'elu:alpha=0x10', '--x=1'], /parameter 'alpha' in 'elu:alpha=0x10' must be a finite decimal number/],
  [['eval', 'hardtanh:min_val=2,max_val=1', '--x=1'], /hardtanh: max_val \(1\) must be greater than min_val \(2\)/],
  [['eval', 'elu:alpha=1,alpha=2', '--x=1'], /parameter 'alpha' is given twice/],
  [['train', '--data', 'latin.csv', '--activation', 'relu'], /--data 'latin.csv': line 2 has the byte 0xE9, which is not UTF-8/],
  [['show', `${'sin('.repeat(70)}x${')'.repeat(70)}`], /nested too deeply \(more than 64 levels/],
  [['train', '--data', 'nan.csv', '--activation', 'relu'], /nan.csv: line 3: the target 'y' is missing \('nan'\)/],
  [['train', '--data', 'binary.csv', '--activation', 'relu'], /binary.csv: line 1 holds a NUL byte; this is a binary file/],
];

function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'actlab-hostile-'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'file.txt'), 'x');
  writeFileSync(join(dir, 'e300.csv'), 'a,y\n1,2\n1e300,3\n4,5\n');
  writeFileSync(join(dir, 'nan.csv'), 'a,y\n1,2.5\n2,nan\n4,5.5\n');
  writeFileSync(join(dir, 'latin.csv'), Buffer.from('name,y\ncaf\xe9,1\nbar,2\n', 'latin1'));
  writeFileSync(join(dir, 'binary.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0x31, 0x2c, 0x32]));
  return dir;
}

describe('every hostile input of issue 15', () => {
  it.each(cases)('%j: exit 2, one line naming the input, no file left', async (args, message) => {
    const dir = setUp();
    const before = readdirSync(dir).sort();
    const r = await runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^actlab: [^\n]*\n$/);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync('/proc/rep') || existsSync('/proc/x') || existsSync('/proc/a.svg')).toBe(false);
  });
});

describe('a closed pipe', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const bin = join(root, 'bin/actlab.js');
  if (!existsSync(join(root, 'dist/cli/main.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  it.each([['lessons'], ['eval relu --x=-5:5:20000']])('actlab %s | head -1 ends quietly with exit code 0', (args) => {
    const r = spawnSync('bash', ['-c', `node ${bin} ${args} | head -1 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stderr).toBe('status 0\n');
  });
});
