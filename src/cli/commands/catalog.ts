/**
 * Catalog commands: list, show, eval, table, plot. They parse input, call the core and present; no
 * logic of their own.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { csvTable, fmt, full, json, markdownTable, textTable, wrapText } from '../format.js';
import { parseChoice, parseInteger, parseNumber, parseNumberList } from '../args.js';
import { termPlot } from '../termplot.js';
import { CATALOG, byFamily } from '../../activations/registry.js';
import { VECTOR_ACTIVATIONS } from '../../activations/vector.js';
import { resolveActivation, resolveAnyActivation } from '../../activations/resolve.js';
import { evalVector, showVector, vectorListEntry, vectorPlotSeries } from './vectorCatalog.js';
import { splitActivationList } from '../../activations/codec.js';
import type { Activation } from '../../activations/activation.js';
import { analyzeActivation } from '../../analysis/analyzeActivation.js';
import type { Properties, Range } from '../../analysis/properties.js';
import { toLatex, toText } from '../../expr/print.js';
import type { Expr } from '../../expr/ast.js';
import { ExpressionSizeError } from '../../expr/ir.js';
import { type FunctionSeries, functionPlot } from '../../charts/functionPlot.js';
import { checkOutputFile, writeOutputs } from '../../node/outputs.js';
import { CHART_EXTENSIONS, renderChartFile } from '../../node/render.js';
import { ActlabError } from '../../util/errors.js';

/** `[a, b)`-style text of a range. */
/**
 * The text of a formula, or null where it is too large to write out: `show --json` still gives f, f' and the
 * properties for a long product, whose second derivative written out has millions of parts.
 */
function textOrNull(e: Expr): string | null {
  try {
    return toText(e);
  } catch (err) {
    if (err instanceof ExpressionSizeError) return null;
    throw err;
  }
}

export function rangeText(r: Range): string {
  const lo = r.lower === null ? '(-∞' : `${r.lowerClosed ? '[' : '('}${fmt(r.lower, 4)}`;
  const hi = r.upper === null ? '∞)' : `${fmt(r.upper, 4)}${r.upperClosed ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** One row of the property table. */
function propertyCells(p: Properties): string[] {
  return [
    rangeText(p.range),
    yesNo(p.monotonic),
    yesNo(p.monotonicDerivative),
    p.continuity,
    yesNo(p.identityNearOrigin),
    yesNo(p.zeroCentered),
    p.saturating.left && p.saturating.right ? 'both' : p.saturating.left ? 'left' : p.saturating.right ? 'right' : 'no',
    p.maxAbsDerivative === null && p.definedEverywhere ? 'unbounded' : fmt(p.maxAbsDerivative, 4),
    p.deadZone ? `${p.deadZone.from === null ? '(-∞' : `[${fmt(p.deadZone.from, 4)}`}, ${p.deadZone.to === null ? '∞)' : `${fmt(p.deadZone.to, 4)}]`}` : 'no',
  ];
}

const PROPERTY_HEADERS = ['range', 'monotonic', "monotonic f'", 'continuity', 'identity near 0', 'zero-centred', 'saturates', "max |f'|", 'dead zone'];

/** The evidence behind each row of PROPERTY_HEADERS: proved from the expression, or sampled. */
function evidenceCells(p: Properties): string[] {
  const e = p.evidence;
  return [e.range, e.monotonic, e.monotonicDerivative, e.continuity, e.identityNearOrigin, e.zeroCentered, e.saturating, e.maxAbsDerivative, e.deadZones];
}

function paramsJson(a: Activation) {
  return a.paramNames.map((name, i) => {
    const ps = a.spec?.params.find((q) => q.name === name);
    return { name, value: a.paramValues[i], default: ps?.default ?? a.paramValues[i], description: ps?.description ?? '', learnable: ps?.learnable ?? true, min: ps?.min ?? null, max: ps?.max ?? null };
  });
}

function frameworksLine(a: Activation): string {
  const fw = a.spec?.frameworks ?? {};
  const parts = [['PyTorch', fw.pytorch], ['Keras', fw.keras], ['JAX', fw.jax], ['TF.js', fw.tfjs], ['ONNX', fw.onnx]].filter((x): x is [string, string] => typeof x[1] === 'string').map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? parts.join(' · ') : 'none of PyTorch, Keras, JAX, TF.js, ONNX has it built in';
}

/** Registers list, show, eval, table and plot. */
export function registerCatalogCommands(program: Command, io: CliIO): void {
  program
    .command('list')
    .description('the catalog of activations, grouped by family')
    .option('--json', 'one JSON document on stdout')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        const scalar = CATALOG.map((s) => ({
          id: s.id, name: s.name, aliases: s.aliases, kind: 'scalar', family: s.family,
          params: s.params.map((p) => ({ name: p.name, default: p.default, description: p.description, learnable: p.learnable ?? false })),
          expression: s.expression, frameworks: s.frameworks, year: s.year ?? null, paper: s.paper ?? null,
        }));
        const vector = VECTOR_ACTIVATIONS.map(vectorListEntry);
        io.out(json([...scalar, ...vector]));
        return;
      }
      let text = '';
      for (const g of byFamily()) {
        text += `\n${g.family} (${g.specs.length})\n`;
        text += textTable(
          ['id', 'name', 'parameters', 'aliases'],
          g.specs.map((s) => [s.id, s.name, s.params.map((p) => `${p.name}=${p.default}`).join(', '), s.aliases.join(', ')]),
        ).replace(/^/gm, '  ');
      }
      text += `\nvector (${VECTOR_ACTIVATIONS.length})\n`;
      text += textTable(['id', 'name', 'parameters', 'aliases'], VECTOR_ACTIVATIONS.map((v) => [v.id, v.name, v.params.map((p) => `${p.name}=${p.default}`).join(', '), v.aliases.join(', ')])).replace(/^/gm, '  ');
      text += `\n${CATALOG.length} scalar and ${VECTOR_ACTIVATIONS.length} vector activations. 'actlab show <id>' for one; any expression in x works too, e.g. actlab show "x*sigmoid(1.702*x)".\n`;
      io.out(text.replace(/^\n/, ''));
    });

  program
    .command('show')
    .description('formula, derivative, parameters, properties, framework names and a plot of one activation')
    .argument('<activation>', 'catalog id or alias (elu, elu:alpha=0.5) or an expression in x')
    .option('--from <x>', 'left end of the plot', '-5')
    .option('--to <x>', 'right end of the plot', '5')
    .option('--no-color', 'plain text plot')
    .option('--json', 'one JSON document on stdout')
    .action((text: string, opts: { from: string; to: string; color: boolean; json?: boolean }) => {
      const any = resolveAnyActivation(text);
      if (any.kind === 'vector') {
        io.out(showVector(any.activation, opts.json === true, opts.color && io.isTTY, parseNumber(opts.from, '--from'), parseNumber(opts.to, '--to')));
        return;
      }
      const a = any.activation;
      const props = analyzeActivation(a);
      if (opts.json) {
        io.out(json({
          id: a.id, name: a.name, key: a.key, family: a.spec?.family ?? 'custom', aliases: a.spec?.aliases ?? [],
          expression: toText(a.expr), derivative: toText(a.derivative), secondDerivative: textOrNull(a.secondDerivative),
          latex: { f: toLatex(a.expr), df: toLatex(a.derivative) },
          rewrites: a.rewrites ?? [],
          params: paramsJson(a), properties: props, frameworks: a.spec?.frameworks ?? {},
          summary: a.spec?.summary ?? null, paper: a.spec?.paper ?? null, year: a.spec?.year ?? null, kinks: a.spec?.kinks ?? null,
          implementation: a.spec?.implementation ?? null,
        }));
        return;
      }
      const from = parseNumber(opts.from, '--from');
      const to = parseNumber(opts.to, '--to');
      if (!(to > from)) throw new ActlabError(`--to (${to}) must be greater than --from (${from})`);
      const lines: string[] = [];
      lines.push(a.spec ? `${a.spec.name} (${a.spec.id})${a.spec.aliases.length ? `, also ${a.spec.aliases.join(', ')}` : ''} — ${a.spec.family}` : `custom activation ${a.key}`);
      if (a.spec?.summary) lines.push('', wrapText(a.spec.summary, 92));
      lines.push('', `  f(x)   = ${toText(a.expr)}`, `  f'(x)  = ${toText(a.derivative)}`);
      for (const r of a.rewrites ?? []) lines.push(`  rewritten for stability: ${r.from}  →  ${r.to}   (${r.rule})`);
      if (a.paramNames.length > 0) {
        lines.push('', '  parameters:');
        for (const p of paramsJson(a)) lines.push(`    ${p.name} = ${full(p.value)}${p.value !== p.default ? ` (default ${p.default})` : ''}${p.description ? `  — ${p.description}` : ''}`);
      }
      lines.push('', '  properties (computed from the definition; proved from the expression, or sampled where no proof was found):');
      const cells = propertyCells(props);
      const evidence = evidenceCells(props);
      lines.push(textTable(['property', 'value', 'evidence'], PROPERTY_HEADERS.map((h, i) => [h, cells[i], evidence[i]])).replace(/^/gm, '    ').trimEnd());
      lines.push(`    f(0) = ${fmt(props.valueAtZero)}, f'(0) = ${fmt(props.derivativeAtZero)}${props.globalMinimum ? `, minimum ${fmt(props.globalMinimum.value)} at x = ${fmt(props.globalMinimum.x)}` : ''}`);
      if (a.spec) {
        lines.push('', `  frameworks: ${frameworksLine(a)}`);
        if (a.spec.paper) lines.push(`  paper: ${a.spec.paper.authors} (${a.spec.paper.year}), ${a.spec.paper.title}${a.spec.paper.where ? `, ${a.spec.paper.where}` : ''}`);
        if (a.spec.kinks) lines.push(`  at the kinks: ${a.spec.kinks}`);
        if (a.spec.implementation) lines.push('  function vs implementation:', wrapText(a.spec.implementation, 90).replace(/^/gm, '  '));
      }
      lines.push('', termPlot([{ name: 'f', f: a.f }, { name: "f'", f: a.df }], { from, to, width: 60, height: 14, color: opts.color && io.isTTY }));
      io.out(`${lines.join('\n')}\n`);
    });

  program
    .command('eval')
    .description('values (and derivatives) of an activation at given x, in f64')
    .argument('<activation>', 'catalog id or alias, or an expression in x')
    .requiredOption('--x <values>', "comma-separated x values (-3,0,3, inf, nan) or a range from:to:count; for a vector activation one row, or rows separated by ';'")
    .option('--grad', 'also print the derivative (the Jacobian for a vector activation)')
    .option('--json', 'one JSON document on stdout')
    .action((text: string, opts: { x: string; grad?: boolean; json?: boolean }) => {
      const any = resolveAnyActivation(text);
      if (any.kind === 'vector') {
        io.out(evalVector(any.activation, opts.x, opts.grad === true, opts.json === true));
        return;
      }
      const a = any.activation;
      const xs = parseNumberList(opts.x, '--x');
      const y = xs.map((x) => a.f(x));
      const dy = opts.grad ? xs.map((x) => a.df(x)) : undefined;
      if (opts.json) {
        io.out(json({ id: a.id ?? a.key, x: xs, y, ...(dy ? { dy } : {}) }));
        return;
      }
      const headers = opts.grad ? ['x', 'f(x)', "f'(x)"] : ['x', 'f(x)'];
      io.out(textTable(headers, xs.map((x, i) => [full(x), full(y[i]), ...(dy ? [full(dy[i])] : [])])));
    });

  program
    .command('table')
    .description('the property table of the whole catalog, computed from the definitions')
    .option('--format <format>', 'text, md, csv or json', 'text')
    .option('--json', 'same as --format json')
    .action((opts: { format: string; json?: boolean }) => {
      const format = opts.json ? 'json' : parseChoice(opts.format, '--format', ['text', 'md', 'csv', 'json'] as const);
      const rows = CATALOG.map((s) => {
        const a = resolveActivation(s.id);
        return { spec: s, props: analyzeActivation(a) };
      });
      if (format === 'json') {
        io.out(json(rows.map((r) => ({ id: r.spec.id, properties: r.props }))));
        return;
      }
      const headers = ['id', ...PROPERTY_HEADERS];
      // text and md mark the sampled cells (csv keeps plain values; json has properties.evidence)
      const mark = format !== 'csv';
      const cells = rows.map((r) => {
        const ev = evidenceCells(r.props);
        return [r.spec.id, ...propertyCells(r.props).map((c, i) => (mark && ev[i] === 'sampled' ? `${c} *` : c))];
      });
      const note = '\n* sampled: no proof found (every other cell is proved from the expression)\n';
      io.out(format === 'md' ? markdownTable(headers, cells) + note : format === 'csv' ? csvTable(headers, cells) : textTable(headers, cells) + note);
    });

  program
    .command('plot')
    .description('chart of one or several activations (and their derivatives) to an SVG or PNG file')
    .argument('<activations...>', 'catalog ids or expressions in x (several allowed, or a comma-separated list)')
    .requiredOption('--out <file>', 'output file: .svg or .png')
    .option('--derivative', 'also plot the derivatives (dashed)')
    .option('--from <x>', 'left end', '-5')
    .option('--to <x>', 'right end', '5')
    .option('--points <n>', 'samples per curve', '401')
    .option('--title <text>', 'chart title')
    .option('--at <row>', 'vector activations: the input row (the entry --vary names goes from --from to --to)', '0,1,2')
    .option('--vary <i>', 'vector activations: which entry of --at varies (1-based)', '1')
    .option('--json', 'print a JSON summary of what was written')
    .action(async (texts: string[], opts: { out: string; derivative?: boolean; from: string; to: string; points: string; title?: string; at: string; vary: string; json?: boolean }) => {
      const out = checkOutputFile(opts.out, '--out', io.cwd, { extensions: CHART_EXTENSIONS });
      const from = parseNumber(opts.from, '--from');
      const to = parseNumber(opts.to, '--to');
      if (!(to > from)) throw new ActlabError(`--to (${to}) must be greater than --from (${from})`);
      const n = parseInteger(opts.points, '--points', 2, 100000);
      const pieces = texts.flatMap((t) => (/^[A-Za-z0-9_:=.,-]+$/.test(t) ? splitActivationList(t) : [t]));
      const vector = pieces.length === 1 ? resolveAnyActivation(pieces[0]) : undefined;
      if (vector?.kind === 'vector') {
        const v = vector.activation;
        const vp = vectorPlotSeries(v, opts.at, opts.vary, from, to, n);
        const vspec = functionPlot({ series: vp.series, title: opts.title ?? vp.title, xLabel: vp.xLabel, yLabel: 'y_i' });
        writeOutputs([{ path: out.path, flag: '--out', data: await renderChartFile(out.path, vspec) }]);
        if (opts.json) io.out(json({ out: out.path, activations: [v.key], kind: 'vector', at: opts.at, vary: Number(opts.vary), from, to, points: n }));
        else io.out(`wrote ${opts.out}
`);
        return;
      }
      const acts = pieces.map(resolveActivation);
      const xs = Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
      const series = acts.flatMap((a) => {
        const label = a.id ? a.key : a.name;
        const s: FunctionSeries[] = [{ name: label, points: xs.map((x) => ({ x, y: a.f(x) })), group: label }];
        if (opts.derivative) s.push({ name: `${label}'`, points: xs.map((x) => ({ x, y: a.df(x) })), dashed: true, group: label });
        return s;
      });
      const title = opts.title ?? `${acts.map((a) => (a.id ? a.key : a.name)).join(', ')}${opts.derivative ? ' and derivatives' : ''}`;
      const spec = functionPlot({ series, title, xLabel: 'x', yLabel: opts.derivative ? "f(x), f'(x)" : 'f(x)' });
      const path = out.path;
      writeOutputs([{ path, flag: '--out', data: await renderChartFile(path, spec) }]);
      if (opts.json) io.out(json({ out: path, activations: acts.map((a) => a.key), derivative: opts.derivative === true, from, to, points: n }));
      else io.out(`wrote ${opts.out}\n`);
    });
}
