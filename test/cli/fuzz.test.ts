/**
 * CLI fuzz test: hundreds of hostile invocations (random expressions, numbers, flags, output paths and CSV
 * files), run in-process through `main`. For every one: the exit code is 0 or 2, exit 2 prints exactly one
 * line on stderr, nothing prints a stack trace, a failed command leaves no file and a successful one only the
 * files it was asked for (no temporary or probe files), and the run ends (each category has a test timeout).
 * Seeded, so a failure reproduces; the failing argv is in the assertion message.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { createRng, type Rng } from '../../src/util/rng.js';

const root = mkdtempSync(join(tmpdir(), 'actlab-fuzz-'));
const fixtures = join(root, 'fixtures');
const counts: Record<string, { runs: number; exit0: number; exit2: number }> = {};

/** Lists every file and folder under `dir`, relative, sorted. */
function tree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    out.push(rel);
    if (e.isDirectory()) out.push(...tree(join(dir, e.name), rel));
  }
  return out.sort();
}

/** The outputs an invocation names, relative to its cwd (what a successful run may leave); `x/*` allows what is inside x. */
function namedOutputs(argv: readonly string[], cwd: string): Set<string> {
  const allowed = new Set<string>();
  argv.forEach((a, i) => {
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    if (!['--out', '--save', '--plot', '--boundary', '--report'].includes(flag)) return;
    const value = inline ?? argv[i + 1];
    if (value === undefined) return;
    const rel = resolve(cwd, value).slice(cwd.length + 1);
    const parts = rel === '' ? [] : rel.split('/');
    for (let k = 1; k <= parts.length; k++) allowed.add(parts.slice(0, k).join('/'));
    allowed.add(rel === '' ? '*' : `${rel}/*`);
  });
  return allowed;
}

let serial = 0;

/** Runs one invocation in a fresh folder and checks the contract. */
async function check(category: string, argv: string[]): Promise<void> {
  const cwd = join(root, `run-${serial++}`);
  mkdirSync(cwd);
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, cwd };
  const t0 = performance.now();
  const code = await main(argv, io);
  const ms = performance.now() - t0;
  const what = `actlab ${JSON.stringify(argv)} → exit ${code}, stderr ${JSON.stringify(err.slice(0, 300))}`;
  if (process.env.FUZZ_DEBUG) console.log(`FZ ${ms.toFixed(0)}ms ${JSON.stringify(argv).slice(0, 150)} ${category} ${code} ${err.split("\n").filter((l) => !l.startsWith("actlab: note")).join(" ").slice(0, 90)}`);
  const c = (counts[category] ??= { runs: 0, exit0: 0, exit2: 0 });
  c.runs++;
  expect([0, 2], what).toContain(code);
  if (code === 0) c.exit0++;
  else c.exit2++;
  expect(`${out}${err}`, what).not.toMatch(/\n\s+at [^\n]*:\d+:\d+\)?\n|internal error|^\w*Error: /m);
  const files = tree(cwd);
  expect(files.filter((f) => /\.tmp$|\.actlab-probe-/.test(f)), what).toEqual([]);
  if (code === 2) {
    expect(err, what).toMatch(/^actlab: [^\n]+\n$/);
    expect(files, what).toEqual([]);
  } else {
    const allowed = namedOutputs(argv, cwd);
    const stray = files.filter((f) => !allowed.has(f) && ![...allowed].some((a) => a.endsWith('*') && f.startsWith(a.slice(0, -1))));
    expect(stray, what).toEqual([]);
  }
  expect(tree(fixtures), 'fixtures untouched').toEqual(FIXTURE_NAMES);
}

const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];

// ---- generators ----

const ATOMS = ['x', '1', '0', '-1', '0.5', '1e3', '1e308', '1e-320', 'pi', 'e', 'beta', 'alpha', 'y', 'NaN', 'inf', '0x10', '0b1', '.5', '5.', '1e', '١'];
const UNARY = ['exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'softplus', 'sin', 'erf', 'relu', 'step', 'sign', 'expm1', 'log1p', 'asinh', 'foo', 'constructor', '__proto__'];
const BINARY = ['+', '-', '*', '/', '^', '**', '<', '>=', '==', '&&', '||', ',', ' ', '%'];
const JUNK = ['(', ')', '?', ':', ';', '=', '"', "'", '`', '\\', '$', '{', '}', '[', ']', '\u0000', '\u202e', '😀', '\n', '-', '--', 'process.exit(1)', 'require("fs")'];

/** A random expression: mostly well-formed, sometimes with junk spliced in. */
function expression(rng: Rng, depth = 0): string {
  const r = rng.next();
  if (depth > 6 || r < 0.25) return pick(rng, ATOMS);
  if (r < 0.5) return `${pick(rng, UNARY)}(${expression(rng, depth + 1)})`;
  if (r < 0.8) return `${expression(rng, depth + 1)}${pick(rng, BINARY)}${expression(rng, depth + 1)}`;
  if (r < 0.85) return `${expression(rng, depth + 1)} ? ${expression(rng, depth + 1)} : ${expression(rng, depth + 1)}`;
  if (r < 0.9) return `-${expression(rng, depth + 1)}`;
  if (r < 0.95) return `${'('.repeat(rng.int(80))}x${')'.repeat(rng.int(80))}`;
  return `${expression(rng, depth + 1)}${pick(rng, JUNK)}${expression(rng, depth + 1)}`;
}

const NUMBERS = ['0', '1', '-1', '2.5', '1e3', '-1e-3', '1e308', '1e309', '-1e400', '0x10', '0b11', '0o7', 'Infinity', '-inf', 'nan', 'NaN', '', ' ', '1,2', '1e', '.', '--1', '+5', '00012', '1_000', '١٢', '9007199254740993', '4294967296', '3.999999999999999999', 'abc'];
const number = (rng: Rng): string => (rng.next() < 0.8 ? pick(rng, NUMBERS) : (rng.normal() * 10 ** rng.int(8)).toString());

const CATALOG = ['relu', 'elu', 'gelu', 'tanh', 'hardtanh', 'leaky_relu', 'selu', 'softplus', 'srelu', 'softmax', 'sparsemax', 'log_softmax', 'no_such', 'RELU', 'leaky-relu', 'swish', 'x'];
function activation(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return pick(rng, CATALOG.slice(0, rng.next() < 0.7 ? 12 : CATALOG.length));
  if (r < 0.7) {
    const params = Array.from({ length: rng.int(4) }, () => `${pick(rng, ['alpha', 'beta', 'min_val', 'max_val', 't_left', 't_right', 'slope', '', '1'])}=${number(rng)}`);
    return `${pick(rng, CATALOG)}:${params.join(',')}`;
  }
  return expression(rng);
}

const OUT_FILES = ['out.svg', 'out.png', 'm.json', 'OUT.SVG', 'sub/x.svg', '.', '', 'x.txt', 'x', '/proc/a.svg', '/etc/passwd', '/nonexistent/a.svg', `${'a'.repeat(300)}.svg`, '/dev/null', '../', 'dir/', 'a b.svg', 'é.svg'];
const OUT_FOLDERS = ['rep', 'a/b/c', '.', '', '/proc/rep', '/etc/passwd', '/nonexistent/x', `${'r'.repeat(300)}`, '/dev/null/x'];

// ---- CSV fixtures ----

let FIXTURE_NAMES: string[] = [];
function writeFixtures(): void {
  mkdirSync(fixtures);
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
  const files: Record<string, string | Buffer> = {
    'empty.csv': '',
    'blank.csv': '\n\n  \n',
    'header-only.csv': 'a,b,y\n',
    'binary.csv': Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
    'bom.csv': `\ufeffa,b,y\n${rows(20, (i) => `${i},${i % 3},${i % 2 ? 'p' : 'q'}`)}\n`,
    'crlf.csv': `a,b,y\r\n${rows(20, (i) => `${i},${-i},${i % 2}`).replace(/\n/g, '\r\n')}\r\n`,
    'quoted.csv': `"a,1","b ""2""",y\n${rows(20, (i) => `"${i}",${i * 2},"cls, ${i % 2}"`)}\n`,
    'ragged.csv': `a,b,y\n${rows(10, (i) => (i === 7 ? `${i},1` : `${i},1,${i % 2}`))}\n`,
    'dup-header.csv': `a,a,y\n${rows(10, (i) => `${i},${i},${i % 2}`)}\n`,
    'unclosed.csv': 'a,b,y\n1,"2,3\n4,5,6\n',
    'latin1.csv': Buffer.from(`a,b,y\n${rows(10, (i) => `${i},caf\xe9,${i % 2}`)}\n`, 'latin1'),
    'e300.csv': `a,b,y\n${rows(10, (i) => `${i === 4 ? '1e300' : i},${i},${i % 2}`)}\n`,
    'hex.csv': `a,b,y\n${rows(10, (i) => `0x${i},${i},${i % 2}`)}\n`,
    'nan-target.csv': `a,b,y\n${rows(10, (i) => `${i},${i},${i === 5 ? 'nan' : i * 0.5}`)}\n`,
    'na-features.csv': `a,b,y\n${rows(30, (i) => `${i % 4 ? i : 'NA'},${i % 5 ? 'u' : ''},${i % 2}`)}\n`,
    'categorical.csv': `color,size,y\n${rows(30, (i) => `${['red', 'green', 'blue'][i % 3]},${i},${i % 2 ? 'yes' : 'no'}`)}\n`,
    'labels.csv': `label,p0,p1\n${rows(40, (i) => `${i % 4},${i % 7},${(i * 3) % 11}`)}\n`,
    'one-class.csv': `a,y\n${rows(10, (i) => `${i},k`)}\n`,
    'only-target.csv': `y\n${rows(10, (i) => `${i}`)}\n`,
    'wide.csv': `${rows(1, () => Array.from({ length: 3000 }, (_, j) => `c${j}`).join(','))}\n${rows(3, (i) => Array.from({ length: 3000 }, (_, j) => `${(i + j) % 7}`).join(','))}\n`,
    'huge.csv': `a,b,y\n${rows(30_000, (i) => `${(i % 1000) / 100},${(i % 777) / 77},${i % 2}`)}\n`,
    'huge-ragged.csv': `a,b,y\n${rows(30_000, (i) => `${i % 10},${i % 7},${i % 2}`)}\n1,2\n`,
    'long-cell.csv': `a,y\n${'9'.repeat(400)},1\n2,0\n3,1\n`,
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(fixtures, name), data);
  FIXTURE_NAMES = tree(fixtures);
}
const CSVS = () => [...FIXTURE_NAMES.map((n) => join(fixtures, n)), join(fixtures, 'missing.csv'), fixtures, '/dev/zero', '/proc/self/status'];

// ---- invocations ----

const EPOCHS = ['1', '2', '0', '-1', '0x10', '1.5', 'abc', '', '1e400', '99999999999'];
const HIDDEN = ['4', '2,2', '', 'none', '0', '100000,100000', '3,abc', '-1', '1e5', '5,,5', '0x4'];

/**
 * Whether the invocation being built uses only good values (so success paths, where partial or stray files
 * would show, are exercised too); set per invocation.
 */
let good = false;
const GOOD_ACTIVATIONS = ['relu', 'tanh', 'elu:alpha=0.5', 'gelu', 'x*sigmoid(x)', '-x', 'hardtanh:min_val=-2,max_val=2'];
const GOOD_OUT_FILES = ['out.svg', 'out.png', 'a b.svg', 'é.svg', 'sub/../x.svg'];
const GOOD_OUT_FOLDERS = ['rep', 'a/b/c', '.'];
const GOOD_CSVS = ['bom.csv', 'crlf.csv', 'quoted.csv', 'na-features.csv', 'categorical.csv', 'labels.csv'];

/** Options shared by train and compare, each present at random, with a good value more often than a bad one. */
function modelFlags(rng: Rng): string[] {
  const f: string[] = ['--epochs', good || rng.next() < 0.8 ? pick(rng, ['1', '2']) : pick(rng, EPOCHS)];
  const maybe = (flag: string, goodValues: readonly string[], bad: readonly string[]) => {
    if (rng.next() < 0.25) f.push(flag, good || rng.next() < 0.6 ? pick(rng, goodValues) : pick(rng, bad));
  };
  maybe('--hidden', ['4', '2,2', 'none', '3'], HIDDEN);
  maybe('--lr', ['0.01', '0.1', '1e-3'], [...NUMBERS.slice(0, 8), '1e30']);
  maybe('--batch', ['1', '10', '32'], ['0', '1e9', '0x10', '-3']);
  maybe('--optimizer', ['adam', 'sgd', 'momentum'], ['lbfgs', '']);
  maybe('--loss', ['mse', 'bce', 'cce'], ['hinge', '']);
  maybe('--init', ['he_normal', 'zeros', 'glorot_uniform'], ['nope']);
  maybe('--l2', ['0', '1e-4'], NUMBERS);
  maybe('--seed', ['1', '0', '7'], ['-1', '4294967296', '0x1', '2.5']);
  if (!good) maybe('--n', ['10', '20', '50'], ['2', '1', '0', '-5', '1e9', '0b11']);
  maybe('--noise', ['0', '0.5'], ['2', '-1', 'nan']);
  maybe('--test-ratio', ['0.2', '0.5'], ['0', '1', '-0.1', '2']);
  if (!good) maybe('--task', ['classification', 'regression'], ['clustering', '']);
  if (!good) maybe('--missing', ['drop', 'mean', 'error'], ['ignore']);
  if (rng.next() < 0.6) f.push('--quiet');
  if (rng.next() < 0.3) f.push('--json');
  if (!good && rng.next() < 0.05) f.push(pick(rng, ['--bogus', '-z', '--epochs', '--', '-']));
  return f;
}

function dataFlag(rng: Rng, csvWeight: number): string[] {
  if (good) {
    if (rng.next() < csvWeight) return ['--data', join(fixtures, pick(rng, GOOD_CSVS)), '--missing', pick(rng, ['drop', 'mean'])];
    return ['--data', pick(rng, ['xor', 'circle', 'spiral', 'gauss', 'XOR'])];
  }
  if (rng.next() < csvWeight) {
    const f = ['--data', pick(rng, CSVS())];
    if (rng.next() < 0.4) f.push('--target', pick(rng, ['y', 'label', 'a', 'nope', '', 'color']));
    return f;
  }
  return ['--data', pick(rng, ['xor', 'circle', 'spiral', 'iris', 'plane', 'sine', 'gauss', 'nosuchset', '', 'XOR'])];
}

function trainArgs(rng: Rng, csvWeight: number): string[] {
  good = rng.next() < 0.4;
  const a = ['train', ...dataFlag(rng, csvWeight), '--activation', good ? pick(rng, GOOD_ACTIVATIONS) : activation(rng), ...modelFlags(rng)];
  if (!a.includes('--n') && !a.some((s) => s.includes('fixtures'))) a.push('--n', '40');
  const outs = good ? [...GOOD_OUT_FILES] : OUT_FILES;
  const twoD = !a.some((s) => s.includes('fixtures'));
  for (const flag of ['--save', '--plot', '--boundary']) {
    if (good && flag === '--boundary' && !twoD) continue;
    if (rng.next() < (good ? (flag === '--boundary' ? 0.15 : 0.3) : 0.2)) {
      const k = rng.int(outs.length);
      a.push(flag, flag === '--save' && good ? 'model.json' : outs[k]);
      if (good) outs.splice(k, 1);
    }
  }
  return a;
}

function compareArgs(rng: Rng, csvWeight: number): string[] {
  good = rng.next() < 0.4;
  const acts = good ? [...new Set(Array.from({ length: 1 + rng.int(3) }, () => pick(rng, GOOD_ACTIVATIONS)))].join(',') : Array.from({ length: 1 + rng.int(3) }, () => activation(rng)).join(',');
  const a = ['compare', ...dataFlag(rng, csvWeight), '--activations', acts, '--seeds', good ? '1' : pick(rng, ['1', '1', '0', '1001', 'x']), '--workers', '1', ...modelFlags(rng)];
  if (!a.includes('--n') && !a.some((s) => s.includes('fixtures'))) a.push('--n', '40');
  if (rng.next() < (good ? 0.5 : 0.3)) a.push('--report', pick(rng, good ? GOOD_OUT_FOLDERS : OUT_FOLDERS));
  return a;
}

function catalogArgs(rng: Rng): string[] {
  const r = rng.next();
  const act = activation(rng);
  if (r < 0.4) return ['show', act, ...(rng.next() < 0.5 ? ['--json'] : ['--from', number(rng), '--to', number(rng)])];
  if (r < 0.85) return ['eval', act, `--x=${rng.next() < 0.5 ? [number(rng), number(rng), number(rng)].join(',') : `${number(rng)}:${number(rng)}:${pick(rng, ['5', '0', '100001', '3.5', '-2'])}`}`, ...(rng.next() < 0.5 ? ['--grad'] : []), ...(rng.next() < 0.3 ? ['--json'] : [])];
  return ['plot', act, '--out', pick(rng, OUT_FILES), ...(rng.next() < 0.2 ? ['--at', pick(rng, ['0,1,2', '1', '0x1,2', 'a,b', '1,2,3,4,5,6,7,8,9,10,11,12,13']), '--vary', pick(rng, ['1', '2', '0x2', '9', ''])] : []), ...(rng.next() < 0.4 ? ['--points', pick(rng, ['2', '1', '50', '1e9', '0x10', 'abc'])] : []), ...(rng.next() < 0.3 ? ['--from', number(rng)] : []), ...(rng.next() < 0.3 ? ['--derivative'] : [])];
}

function miscArgs(rng: Rng): string[] {
  const r = rng.next();
  if (r < 0.25) {
    return ['lesson', pick(rng, ['neuron', 'nope', '', '0', '99', '-1', 'xor']), '--seed', pick(rng, ['1', '-1', '0x1', '']),
      ...(rng.next() < 0.5 ? ['--out', pick(rng, OUT_FOLDERS)] : []), ...(rng.next() < 0.3 ? ['--set', pick(rng, ['lr=1', 'lr', '=1', 'nope=2', 'lr=0x1'])] : []),
      ...(rng.next() < 0.3 ? ['--lang', pick(rng, ['en', 'zh', 'fr'])] : [])];
  }
  if (r < 0.45) return ['predict', '--model', pick(rng, [...CSVS().slice(0, 4), join(root, 'model.json'), '/dev/null', join(root, 'garbage.json')]), '--data', pick(rng, CSVS())];
  if (r < 0.6) return [pick(rng, ['list', 'table', 'lessons', 'frobnicate', '--version', '--help', 'help']), ...(rng.next() < 0.5 ? [pick(rng, ['--json', '--format', '--format=xml', '-q', 'extra'])] : [])];
  return Array.from({ length: 1 + rng.int(5) }, () => pick(rng, ['train', 'eval', 'show', '--x', '--data', '--', '-', '-x', 'relu', '=', '--json', '--epochs=0x1', '\u0000', ' ', '--out', '/proc/x']));
}

beforeAll(async () => {
  writeFixtures();
  writeFileSync(join(root, 'garbage.json'), '{"layers": [1, 2], "training": {"featureNames": "a"}}');
  const io: CliIO = { out: () => undefined, err: () => undefined, isTTY: false, cwd: root };
  await main(['train', '--data', join(fixtures, 'categorical.csv'), '--activation', 'tanh', '--epochs', '1', '--quiet', '--save', 'model.json'], io);
});

afterAll(() => {
  const total = Object.values(counts).reduce((s, c) => s + c.runs, 0);
  console.log(`CLI fuzz: ${total} invocations — ${Object.entries(counts).map(([k, c]) => `${k} ${c.runs} (exit 0: ${c.exit0}, exit 2: ${c.exit2})`).join('; ')}`);
});

describe('actlab under fuzzed input', () => {
  it('random expressions and numbers in show, eval and plot (200 invocations)', async () => {
    const rng = createRng(15_001);
    for (let i = 0; i < 200; i++) await check('expressions and numbers', catalogArgs(rng));
  }, 120_000);

  it('random flags to train and compare on built-in sets (150 invocations)', async () => {
    const rng = createRng(15_002);
    for (let i = 0; i < 150; i++) await check('flags', rng.next() < 0.75 ? trainArgs(rng, 0) : compareArgs(rng, 0));
  }, 180_000);

  it('hostile CSV files to train, compare and predict (120 invocations)', async () => {
    const rng = createRng(15_003);
    for (let i = 0; i < 120; i++) {
      const r = rng.next();
      await check('CSV files', r < 0.7 ? trainArgs(rng, 1) : r < 0.85 ? compareArgs(rng, 1) : ['predict', '--model', join(root, 'model.json'), '--data', pick(rng, CSVS())]);
    }
  }, 180_000);

  it('lessons, predict, other commands and argument soup (100 invocations)', async () => {
    const rng = createRng(15_004);
    for (let i = 0; i < 100; i++) await check('other commands', miscArgs(rng));
  }, 120_000);

  it('ran at least 500 invocations', () => {
    expect(Object.values(counts).reduce((s, c) => s + c.runs, 0)).toBeGreaterThanOrEqual(500);
  });
});
