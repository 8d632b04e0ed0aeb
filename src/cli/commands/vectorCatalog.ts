/**
 * The vector activations' side of the catalog commands (show, eval, plot, list --json): formula, Jacobian,
 * properties and temperature; values and Jacobians of rows; the outputs of a row as one entry varies.
 * Presentation only: the maths is in src/activations/vector.ts.
 */
import type { VectorActivation, VectorActivationSpec, VectorRange } from '../../activations/vector.js';
import { parseNumberList } from '../args.js';
import { parseDecimal } from '../../util/decimal.js';
import { fmt, full, json, textTable, wrapText } from '../format.js';
import { termPlot } from '../termplot.js';
import type { FunctionSeries } from '../../charts/functionPlot.js';
import { ActlabError } from '../../util/errors.js';

/** Most rows `eval` takes for a vector activation, and most entries per row. */
const MAX_ROWS = 10_000;
const MAX_COLS = 10_000;

/** `[0, 1]`-style text of a range. */
function rangeText(r: VectorRange): string {
  const lo = r.lower === null ? '(-∞' : `${r.lowerClosed ? '[' : '('}${fmt(r.lower, 4)}`;
  const hi = r.upper === null ? '∞)' : `${fmt(r.upper, 4)}${r.upperClosed ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

/** The entry as `list --json` shows it. */
export function vectorListEntry(v: VectorActivationSpec): Record<string, unknown> {
  return {
    id: v.id, name: v.name, aliases: v.aliases, kind: 'vector', family: 'vector',
    params: v.params.map((p) => ({ name: p.name, default: p.default, description: p.description, learnable: p.learnable ?? false })),
    expression: v.formula.text, jacobian: v.jacobian.text, frameworks: v.frameworks, year: v.year ?? null,
  };
}

/** y = f(x) of one row. */
function apply(v: VectorActivation, x: readonly number[]): Float64Array {
  const y = new Float64Array(x.length);
  v.forward(Float64Array.from(x), y, 1, x.length);
  return y;
}

/** The Jacobian J[i][j] = ∂y_i/∂x_j of one row, row by row from the vector-Jacobian product with e_i. */
export function vectorJacobian(v: VectorActivation, x: readonly number[]): number[][] {
  const y = apply(v, x);
  const n = x.length;
  return Array.from({ length: n }, (_, i) => {
    const dy = new Float64Array(n);
    dy[i] = 1;
    const dx = new Float64Array(n);
    v.backward(y, dy, dx, 1, n);
    return [...dx];
  });
}

const EXAMPLE = [1, 2, 3];

/** `show` for a vector activation: JSON document or text. */
export function showVector(v: VectorActivation, asJson: boolean, color: boolean, from = -5, to = 5): string {
  const p = v.properties;
  const y = [...apply(v, EXAMPLE)];
  const jac = vectorJacobian(v, EXAMPLE);
  if (asJson) {
    return json({
      id: v.id, name: v.name, key: v.key, kind: 'vector', family: 'vector', aliases: v.aliases,
      expression: v.formula.text, jacobian: v.jacobian.text, latex: { f: v.formula.latex, jacobian: v.jacobian.latex },
      params: v.params.map((q) => ({ name: q.name, value: v.temperatureValue, default: q.default, description: q.description, learnable: q.learnable ?? false, min: q.min ?? null, max: q.max ?? null })),
      properties: p, frameworks: v.frameworks, summary: v.summary, paper: v.paper ?? null, year: v.year ?? null,
      example: { x: EXAMPLE, y, jacobian: jac },
    });
  }
  const lines: string[] = [];
  lines.push(`${v.name} (${v.id})${v.aliases.length ? `, also ${v.aliases.join(', ')}` : ''} — vector activation (a function of a whole row)`);
  lines.push('', wrapText(v.summary, 92));
  lines.push('', `  f(x)_i     = ${v.formula.text}`, `  Jacobian   : ${v.jacobian.text}`);
  lines.push('', '  parameters:');
  for (const q of v.params) lines.push(`    ${q.name} = ${full(v.temperatureValue)}${v.temperatureValue !== q.default ? ` (default ${q.default})` : ''}  — ${q.description}`);
  lines.push('', '  properties (checked by the tests on random rows):');
  lines.push(
    textTable(['property', 'value'], [
      ['range of each output', rangeText(p.range)],
      ['sums to 1', p.sumsToOne ? 'yes' : 'no'],
      ['shift invariant f(x + c) = f(x)', p.shiftInvariant ? 'yes' : 'no'],
      ['exact zeros (sparse)', p.sparse ? 'yes' : 'no'],
      ['order', p.order === 'increasing' ? 'larger x_i, larger y_i' : 'larger x_i, smaller y_i'],
      ['temperature', p.temperature],
    ]).replace(/^/gm, '    ').trimEnd(),
  );
  lines.push('', `  example: f(${EXAMPLE.join(', ')}) = (${y.map((u) => fmt(u, 6)).join(', ')})`);
  lines.push('  Jacobian there:');
  for (const row of jac) lines.push(`    [${row.map((u) => fmt(u, 5).padStart(11)).join(' ')} ]`);
  const fw = [['PyTorch', v.frameworks.pytorch], ['Keras', v.frameworks.keras], ['JAX', v.frameworks.jax], ['TF.js', v.frameworks.tfjs], ['ONNX', v.frameworks.onnx]].filter((e): e is [string, string] => typeof e[1] === 'string');
  lines.push('', `  frameworks: ${fw.length > 0 ? fw.map(([k, n]) => `${k} ${n}`).join(' · ') : 'none of PyTorch, Keras, JAX, TF.js, ONNX has it built in'}`);
  if (v.paper) lines.push(`  paper: ${v.paper.authors} (${v.paper.year}), ${v.paper.title}${v.paper.where ? `, ${v.paper.where}` : ''}`);
  if (!(to > from)) throw new ActlabError(`--to (${to}) must be greater than --from (${from})`);
  lines.push('', `  f(x1, 2, 3) as x1 goes from ${fmt(from, 4)} to ${fmt(to, 4)} (y1, y2, y3):`);
  const curves = [0, 1, 2].map((i) => ({ name: `y${i + 1}`, f: (t: number) => apply(v, [t, 2, 3])[i] }));
  lines.push(termPlot(curves, { from, to, width: 60, height: 12, color }));
  return `${lines.join('\n')}\n`;
}

/** Parses `--x` for a vector activation: rows separated by `;`, each a list of numbers (or from:to:count). */
export function parseRows(text: string): number[][] {
  const rows = text.split(';').map((r) => r.trim()).filter((r) => r !== '');
  if (rows.length === 0) throw new ActlabError(`--x has no row; give one row of numbers such as --x=1,2,3, or several separated by ';' such as --x="1,2,3;0,0,1"`);
  if (rows.length > MAX_ROWS) throw new ActlabError(`--x has ${rows.length} rows; give at most ${MAX_ROWS}`);
  return rows.map((r) => {
    const xs = parseNumberList(r, '--x');
    if (xs.length > MAX_COLS) throw new ActlabError(`a row of --x has ${xs.length} entries; give at most ${MAX_COLS}`);
    return xs;
  });
}

/** `eval` for a vector activation: each row's outputs (and Jacobian with --grad). */
export function evalVector(v: VectorActivation, xText: string, grad: boolean, asJson: boolean): string {
  const rows = parseRows(xText);
  const results = rows.map((x) => ({ x, y: [...apply(v, x)], ...(grad ? { jacobian: vectorJacobian(v, x) } : {}) }));
  if (asJson) return json({ id: v.id, key: v.key, kind: 'vector', rows: results });
  const out: string[] = [];
  results.forEach((r, k) => {
    if (k > 0) out.push('');
    out.push(textTable(['i', 'x_i', `${v.key}(x)_i`], r.x.map((xi, i) => [String(i + 1), full(xi), full(r.y[i])])).trimEnd());
    if (r.jacobian) {
      out.push(`  Jacobian ∂y_i/∂x_j:`);
      for (const row of r.jacobian) out.push(`    [${row.map((u) => full(u).padStart(24)).join(' ')} ]`);
    }
  });
  return `${out.join('\n')}\n`;
}

/**
 * The series of `plot` for a vector activation: each output y_i of the row `at` as entry `vary` (1-based)
 * goes from `from` to `to`.
 */
export function vectorPlotSeries(v: VectorActivation, atText: string, varyText: string, from: number, to: number, n: number): { series: FunctionSeries[]; title: string; xLabel: string } {
  const at = parseNumberList(atText, '--at');
  if (at.length < 2 || at.length > 12) throw new ActlabError(`--at must give a row of 2 to 12 numbers for ${v.id}, got ${at.length}; e.g. --at=0,1,2`);
  if (!at.every(Number.isFinite)) throw new ActlabError(`--at must hold finite numbers, got '${atText}'`);
  const k = parseDecimal(varyText) ?? Number.NaN;
  if (!Number.isInteger(k) || k < 1 || k > at.length) throw new ActlabError(`--vary must be a whole number from 1 to ${at.length} (the entry of --at that varies), got '${varyText}'`);
  const xs = Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
  const ys = xs.map((t) => {
    const row = [...at];
    row[k - 1] = t;
    return apply(v, row);
  });
  const label = (i: number) => `y${i + 1}`;
  const series = at.map((_, i) => ({ name: label(i), points: xs.map((x, j) => ({ x, y: ys[j][i] })) }));
  const fixed = at.map((a, i) => (i === k - 1 ? `x${k}` : fmt(a, 4))).join(', ');
  return { series, title: `${v.key}(${fixed}) as x${k} varies`, xLabel: `x${k}` };
}
