/**
 * The explorer's settings as a shareable query string, and back.
 *
 * Every field of ExplorerState has a short, readable parameter:
 *
 *     ?lang=zh&problem=classification&data=spiral&noise=10&train=50&n=500&batch=10&seed=3&init=1
 *     &f=x1,x2,x1sq&l=8:relu&l=8:elu:alpha=0.5&out=identity&loss=ce&opt=adam&lr=0.03&reg=l2&rr=0.001
 *     &test=1&disc=1&cmp=relu&cmp=tanh&speed=30&tour=xor&step=2   (speed=full: no pace)
 *
 * Activation texts may be any expression, so each hidden layer (`l=units:activation`, `l=0` for no hidden
 * layer) and each compared activation (`cmp=`) is its own repeated parameter: URLSearchParams escapes the
 * text, and no separator can clash with it. `loss=ce` means cross-entropy: binary or categorical follows
 * from the number of classes. Small custom data sets (≤ URL_MAX_ROWS rows) travel too, as float32 values
 * in short decimals (`cx`, `cy`, plus `ct`, `cn`, `cc`, `cp`, `cs`); bigger ones stay out of the link.
 *
 * Reading never throws: a missing, unknown or out-of-range value falls back to its default or is clamped
 * to LIMITS, and the result is made consistent (problem type, data set and loss agree).
 */
import {
  CLASSIFICATION_SETS,
  DEFAULT_STATE,
  FEATURES,
  LIMITS,
  REGRESSION_SETS,
  type CustomData,
  type DatasetChoice,
  type ExplorerState,
  type Feature,
  type LayerState,
  type LossChoice,
  type ProblemType,
} from './types.js';

/** Custom data with more rows than this stays out of the link. */
export const URL_MAX_ROWS = 300;
/** Custom data whose encoding is longer than this stays out of the link too (many columns). */
export const URL_MAX_DATA_CHARS = 12_000;

/** Ranges of the numeric settings (the sliders' and selects' ranges, a little wider for hand-made links). */
export const RANGES = {
  noise: [0, 50],
  trainRatio: [10, 90],
  points: [LIMITS.minPoints, LIMITS.maxPoints],
  batchSize: [1, 30],
  seed: [0, 2 ** 31 - 1],
  learningRate: [1e-6, 10],
  regRate: [0, 10],
  tourStep: [0, 999],
  speed: [0, 10_000],
} as const satisfies Record<string, readonly [number, number]>;

const MAX_TEXT = 2000;
const TASK_CODE = { classification: 'c', regression: 'r' } as const;

// ---------------------------------------------------------------- consistency

/** Number of classes of a data set choice (0 for regression). */
export function classCount(dataset: DatasetChoice, custom: CustomData | null): number {
  if (dataset === 'custom') return custom?.task === 'classification' ? (custom.classNames?.length ?? 2) : 0;
  if ((REGRESSION_SETS as readonly string[]).includes(dataset)) return 0;
  return dataset === 'blobs3' || dataset === 'spiral3' ? 3 : 2;
}

/** Problem type a data set choice belongs to. */
export function problemOf(dataset: DatasetChoice, custom: CustomData | null): ProblemType {
  if (dataset === 'custom') return custom?.task ?? 'classification';
  return (REGRESSION_SETS as readonly string[]).includes(dataset) ? 'regression' : 'classification';
}

/** The loss for a kind (mean squared error or cross-entropy) and a class count (0 = regression). */
export function lossFor(kind: 'mse' | 'ce', classes: number): LossChoice {
  if (kind === 'mse' || classes === 0) return 'mse';
  return classes > 2 ? 'categorical_crossentropy' : 'binary_crossentropy';
}

/**
 * The state made consistent: a custom data set needs custom data, the problem type follows the data set,
 * regression uses MSE, cross-entropy is binary for two classes and categorical for more.
 */
export function normalizeState(s: ExplorerState, custom: CustomData | null): ExplorerState {
  let dataset = s.dataset;
  if (dataset === 'custom' && custom === null) dataset = s.problem === 'regression' ? REGRESSION_SETS[0] : CLASSIFICATION_SETS[0];
  const problem = problemOf(dataset, custom);
  const classes = classCount(dataset, custom);
  const loss = lossFor(s.loss === 'mse' ? 'mse' : 'ce', classes);
  const tourStep = s.tour === null ? 0 : s.tourStep;
  if (dataset === s.dataset && problem === s.problem && loss === s.loss && tourStep === s.tourStep) return s;
  return { ...s, dataset, problem, loss, tourStep };
}

// ---------------------------------------------------------------- numbers

/** Shortest decimal text that reads back as the same float32 value. */
export function float32Text(v: number): string {
  const f = Math.fround(v);
  if (Object.is(f, -0)) return '-0';
  if (!Number.isFinite(f)) return '0';
  for (let p = 1; p <= 9; p++) {
    const s = compactNumber(f.toPrecision(p));
    if (Math.fround(Number(s)) === f) {
      const plain = String(Number(s));
      return plain.length <= s.length ? plain : s;
    }
  }
  return String(f);
}

/** `1.50e+3` → `1.5e3`, `0.500` → `0.5`: the same number in fewer characters. */
function compactNumber(s: string): string {
  const [mant, exp] = s.split('e');
  let m = mant;
  if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  if (exp === undefined) return m;
  const e = Number(exp);
  return e === 0 ? m : `${m}e${e}`;
}

function parseNumber(text: string | null): number | undefined {
  if (text === null) return undefined;
  const t = text.trim();
  if (t === '' || t.length > 40) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

const clamp = (v: number, [lo, hi]: readonly [number, number]): number => Math.min(hi, Math.max(lo, v));

function readInt(p: URLSearchParams, key: string, range: readonly [number, number], fallback: number): number {
  const v = parseNumber(p.get(key));
  return v === undefined ? fallback : clamp(Math.round(v), range);
}

function readReal(p: URLSearchParams, key: string, range: readonly [number, number], fallback: number): number {
  const v = parseNumber(p.get(key));
  return v === undefined ? fallback : clamp(v, range);
}

function readFlag(p: URLSearchParams, key: string, fallback: boolean): boolean {
  const v = p.get(key);
  if (v === null) return fallback;
  const t = v.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === 'yes' || t === 'on') return true;
  if (t === '0' || t === 'false' || t === 'no' || t === 'off') return false;
  return fallback;
}

function readChoice<T extends string>(p: URLSearchParams, key: string, choices: readonly T[], fallback: T): T {
  const v = p.get(key)?.trim().toLowerCase();
  return v !== undefined && (choices as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** An activation text, or undefined when blank or absurdly long. */
function activationText(text: string | null | undefined): string | undefined {
  if (text === null || text === undefined || text.trim() === '' || text.length > MAX_TEXT) return undefined;
  return text;
}

// ---------------------------------------------------------------- read

function readLoss(p: URLSearchParams): LossChoice {
  const v = p.get('loss')?.trim().toLowerCase();
  switch (v) {
    case 'mse':
    case 'square':
      return 'mse';
    case 'ce':
    case 'bce':
    case 'binary_crossentropy':
      return 'binary_crossentropy';
    case 'cce':
    case 'categorical_crossentropy':
      return 'categorical_crossentropy';
    default:
      return DEFAULT_STATE.loss;
  }
}

function readFeatures(p: URLSearchParams): Feature[] {
  const raw = p.get('f');
  if (raw === null) return [...DEFAULT_STATE.features];
  const out: Feature[] = [];
  for (const part of raw.split(',')) {
    const id = part.trim().toLowerCase() as Feature;
    if ((FEATURES as readonly string[]).includes(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

function readHidden(p: URLSearchParams): LayerState[] {
  const entries = p.getAll('l');
  if (entries.length === 0) return DEFAULT_STATE.hidden.map((l) => ({ ...l }));
  const out: LayerState[] = [];
  let none = false;
  for (const e of entries) {
    if (e.trim() === '0') none = true;
    if (out.length >= LIMITS.maxLayers) break;
    const colon = e.indexOf(':');
    const unitsText = colon < 0 ? e : e.slice(0, colon);
    const units = parseNumber(unitsText);
    if (units === undefined || Math.round(units) <= 0) continue;
    const activation = activationText(colon < 0 ? undefined : e.slice(colon + 1)) ?? DEFAULT_STATE.hidden[0].activation;
    out.push({ units: clamp(Math.round(units), [1, LIMITS.maxUnits]), activation });
  }
  // `l=0` asks for no hidden layer; entries that are all garbage give the default network.
  return out.length === 0 && !none ? DEFAULT_STATE.hidden.map((l) => ({ ...l })) : out;
}

function readDataset(p: URLSearchParams): DatasetChoice | undefined {
  const v = p.get('data')?.trim().toLowerCase();
  const all: readonly string[] = [...CLASSIFICATION_SETS, ...REGRESSION_SETS, 'custom'];
  return v !== undefined && all.includes(v) ? (v as DatasetChoice) : undefined;
}

function readNumberList(text: string | null, max: number): number[] | undefined {
  if (text === null) return undefined;
  if (text.trim() === '') return [];
  const parts = text.split(',');
  if (parts.length > max) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    const v = parseNumber(part);
    if (v === undefined) return undefined;
    out.push(Math.fround(v));
  }
  return out;
}

/** Custom data from the link, or null when absent or inconsistent. */
export function readCustomData(p: URLSearchParams): CustomData | null {
  const ct = p.get('ct');
  if (ct === null) return null;
  const task: ProblemType | undefined = ct === 'c' ? 'classification' : ct === 'r' ? 'regression' : undefined;
  if (task === undefined) return null;
  const featureNames = p.getAll('cn');
  const d = featureNames.length;
  if (d === 0 || featureNames.some((n) => n.length > 200)) return null;
  const maxValues = URL_MAX_DATA_CHARS;
  const x = readNumberList(p.get('cx'), maxValues);
  const y = readNumberList(p.get('cy'), maxValues);
  if (x === undefined || y === undefined || y.length < 1 || y.length > LIMITS.maxPoints || x.length !== y.length * d) return null;
  const classNames = p.getAll('cc');
  if (task === 'classification') {
    if (classNames.length < 2 || classNames.length > 10) return null;
    if (y.some((c) => !Number.isInteger(c) || c < 0 || c >= classNames.length)) return null;
  }
  const cp = readNumberList(p.get('cp'), 2);
  let planeColumns: [number, number] = [0, Math.min(1, d - 1)];
  if (cp !== undefined && cp.length === 2 && cp.every((c) => Number.isInteger(c) && c >= 0 && c < d)) planeColumns = [cp[0], cp[1]];
  const data: CustomData = { task, featureNames, x, y, planeColumns, source: (p.get('cs') ?? 'link').slice(0, 200) };
  if (task === 'classification') data.classNames = classNames;
  return data;
}

/**
 * Settings and custom data from a query string (with or without the leading `?`). Never throws: bad or
 * missing values fall back to defaults and numbers are clamped to the controls' ranges.
 */
export function readUrlState(search: string): { state: ExplorerState; customData: CustomData | null } {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    p = new URLSearchParams();
  }
  const d = DEFAULT_STATE;
  const customData = safe(() => readCustomData(p), null);
  const problem = readChoice<ProblemType>(p, 'problem', ['classification', 'regression'], d.problem);
  const tour = activationText(p.get('tour')?.slice(0, 100)) ?? null;
  const compare = p
    .getAll('cmp')
    .map((c) => activationText(c))
    .filter((c): c is string => c !== undefined)
    .slice(0, LIMITS.maxCompare);
  const raw: ExplorerState = {
    lang: readChoice(p, 'lang', ['en', 'zh'], d.lang),
    problem,
    dataset: readDataset(p) ?? (problem === d.problem ? d.dataset : REGRESSION_SETS[0]),
    noise: readInt(p, 'noise', RANGES.noise, d.noise),
    trainRatio: readInt(p, 'train', RANGES.trainRatio, d.trainRatio),
    points: readInt(p, 'n', RANGES.points, d.points),
    batchSize: readInt(p, 'batch', RANGES.batchSize, d.batchSize),
    dataSeed: readInt(p, 'seed', RANGES.seed, d.dataSeed),
    initSeed: readInt(p, 'init', RANGES.seed, d.initSeed),
    features: readFeatures(p),
    hidden: readHidden(p),
    outputActivation: activationText(p.get('out')) ?? d.outputActivation,
    loss: readLoss(p),
    optimizer: readChoice(p, 'opt', ['sgd', 'momentum', 'adam'], d.optimizer),
    learningRate: readReal(p, 'lr', RANGES.learningRate, d.learningRate),
    regularization: readChoice(p, 'reg', ['none', 'l1', 'l2'], d.regularization),
    regRate: readReal(p, 'rr', RANGES.regRate, d.regRate),
    showTest: readFlag(p, 'test', d.showTest),
    discretize: readFlag(p, 'disc', d.discretize),
    compare,
    tour,
    tourStep: tour === null ? 0 : readInt(p, 'step', RANGES.tourStep, d.tourStep),
    speed: p.get('speed') === 'full' ? 0 : readReal(p, 'speed', RANGES.speed, d.speed),
  };
  const state = normalizeState(raw, raw.dataset === 'custom' ? customData : null);
  return { state, customData: state.dataset === 'custom' ? customData : null };
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------- write

/** The custom data's link parameters, or null when the data is too big for a link. */
export function customDataParams(data: CustomData): [string, string][] | null {
  if (data.y.length > URL_MAX_ROWS) return null;
  const out: [string, string][] = [['ct', TASK_CODE[data.task]]];
  for (const n of data.featureNames) out.push(['cn', n]);
  if (data.task === 'classification') for (const c of data.classNames ?? []) out.push(['cc', c]);
  out.push(['cp', data.planeColumns.join(',')]);
  out.push(['cx', data.x.map(float32Text).join(',')]);
  out.push(['cy', data.y.map(float32Text).join(',')]);
  out.push(['cs', data.source]);
  const length = out.reduce((sum, [k, v]) => sum + k.length + v.length + 2, 0);
  return length > URL_MAX_DATA_CHARS ? null : out;
}

/** True when `data` is small enough to travel in a link. */
export function customDataFitsUrl(data: CustomData): boolean {
  return customDataParams(data) !== null;
}

/**
 * The query string (with its leading `?`) that carries every setting, and the custom data when it is
 * small. Numbers are written exactly, so `readUrlState(writeUrlState(s, c))` gives `s` back for any
 * consistent state `s` (see normalizeState).
 */
export function writeUrlState(state: ExplorerState, custom: CustomData | null): string {
  const p = new URLSearchParams();
  p.set('lang', state.lang);
  p.set('problem', state.problem);
  p.set('data', state.dataset);
  p.set('noise', String(state.noise));
  p.set('train', String(state.trainRatio));
  p.set('n', String(state.points));
  p.set('batch', String(state.batchSize));
  p.set('seed', String(state.dataSeed));
  p.set('init', String(state.initSeed));
  p.set('f', state.features.join(','));
  if (state.hidden.length === 0) p.append('l', '0');
  for (const layer of state.hidden) p.append('l', `${layer.units}:${layer.activation}`);
  p.set('out', state.outputActivation);
  p.set('loss', state.loss === 'mse' ? 'mse' : 'ce');
  p.set('opt', state.optimizer);
  p.set('lr', String(state.learningRate));
  p.set('reg', state.regularization);
  p.set('rr', String(state.regRate));
  p.set('test', state.showTest ? '1' : '0');
  p.set('disc', state.discretize ? '1' : '0');
  for (const c of state.compare) p.append('cmp', c);
  p.set('speed', state.speed === 0 ? 'full' : String(state.speed));
  if (state.tour !== null) {
    p.set('tour', state.tour);
    p.set('step', String(state.tourStep));
  }
  if (state.dataset === 'custom' && custom !== null) {
    for (const [k, v] of customDataParams(custom) ?? []) p.append(k, v);
  }
  return `?${p.toString()}`;
}
