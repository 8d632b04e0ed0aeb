/**
 * The explorer's one store: settings (what the URL carries), what the worker last reported, and the
 * actions every view calls. Views read the signals directly and re-render when they change.
 */
import { batch, computed, signal } from '@preact/signals';
import { EngineClient } from '../engine/client.js';
import type { DataInfo, Divergence, EpochPoint, FromWorker, HyperParams, ModelSnapshot, RunSpec } from '../engine/protocol.js';
import { type CustomData, type ExplorerState } from './types.js';
import { appendHistories } from './history.js';
import { normalizeState, readUrlState, writeUrlState } from './url.js';

/** The latest snapshot, as the worker sent it. */
export interface SnapshotView {
  epoch: number;
  running: boolean;
  epochsPerSecond: number;
  models: ModelSnapshot[];
}

/** A unit of the network: layer index (0 = inputs, 1.. = hidden layers, last = output) and unit index. */
export interface UnitRef {
  layer: number;
  unit: number;
}

const initial = readUrlState(typeof location === 'undefined' ? '' : location.search);

export const state = signal<ExplorerState>(initial.state);
export const customData = signal<CustomData | null>(initial.customData);
export const dataInfo = signal<DataInfo | null>(null);
/** Labels of the models trained (1 normally, more in compare mode). */
export const modelLabels = signal<string[]>([]);
export const snapshot = signal<SnapshotView | null>(null);
/**
 * Epoch history per model (index as in snapshot.models), bounded by thinning (history.ts). The inner arrays
 * grow in place; a new outer array each snapshot tells readers something changed.
 */
export const history = signal<EpochPoint[][]>([]);
/** Epochs between kept records (see history.ts). */
let historyStride = 1;

function clearHistory(models: number): void {
  historyStride = 1;
  history.value = Array.from({ length: models }, () => []);
}
/** The backend the worker trains on (`wasm`, or `js` with the core's note saying why); null until it has started. */
export const engineBackend = signal<{ name: string; note: string | null } | null>(null);
/** The worker's last error (bad activation, bad data, …); null when all is well. */
export const engineError = signal<string | null>(null);
/** A divergence shown to the user: the first diverged model's cause, which models stopped, and whether all did. */
export interface DivergedView {
  divergence: Divergence;
  /** Labels of the models that stopped. */
  labels: string[];
  /** Every model stopped (training is over until Play or Reset restarts the network). */
  all: boolean;
}
/** Divergence of the models of the latest snapshot; null when none has diverged. */
export const diverged = computed<DivergedView | null>(() => divergedOf(snapshot.value?.models ?? []));

/** The DivergedView of a snapshot's models (exported for tests). */
export function divergedOf(models: readonly ModelSnapshot[]): DivergedView | null {
  const stopped = models.filter((m): m is ModelSnapshot & { divergence: Divergence } => m.divergence !== null);
  if (stopped.length === 0) return null;
  return { divergence: stopped[0].divergence, labels: stopped.map((m) => m.label), all: stopped.length === models.length };
}
export const running = computed(() => snapshot.value?.running ?? false);
/** Point of the plane under the pointer (raw coordinates), for the neuron inspector. */
export const hoverPoint = signal<{ x1: number; x2: number } | null>(null);
/** Unit the inspector explains. */
export const selectedUnit = signal<UnitRef | null>(null);
/** Clicking the plane adds a point of this class (or value), removes the nearest point ('remove'), or does nothing (null). */
export const clickMode = signal<number | 'remove' | null>(null);

let client: EngineClient | null = null;

/** The engine client (created on first use, so tests can import the store without a worker). */
export function engine(): EngineClient {
  if (!client) {
    client = new EngineClient();
    client.subscribe(receive);
  }
  return client;
}

function receive(m: FromWorker): void {
  switch (m.type) {
    case 'ready':
      batch(() => {
        engineError.value = null;
        dataInfo.value = m.data;
        modelLabels.value = m.labels;
        clearHistory(m.labels.length);
        snapshot.value = null;
      });
      break;
    case 'error':
      engineError.value = m.message;
      break;
    case 'backend':
      engineBackend.value = { name: m.name, note: m.note };
      break;
    case 'snapshot': {
      if (m.models.length === 0) break;
      // The worker restarted the network on its own (Play or Step after a divergence): start the history over.
      const first = m.models[0].newEpochs[0];
      const last = history.value[0]?.[history.value[0].length - 1];
      if (first && last && first.epoch <= last.epoch) clearHistory(m.models.length);
      const h = history.value.slice();
      historyStride = appendHistories(h, m.models.map((ms) => ms.newEpochs), historyStride);
      if (client) client.live = m.running;
      batch(() => {
        if (!m.running && stopAt.value !== null && m.epoch >= stopAt.value) stopAt.value = null;
        history.value = h;
        snapshot.value = { epoch: m.epoch, running: m.running, epochsPerSecond: m.epochsPerSecond, models: m.models };
      });
      break;
    }
    default:
      break;
  }
}

/** The part of the state the worker trains with. */
export function runSpec(s: ExplorerState = state.value, data: CustomData | null = customData.value): RunSpec {
  const { lang: _l, showTest: _s, discretize: _d, tour: _t, tourStep: _ts, speed: _sp, ...rest } = s;
  return { ...rest, customData: s.dataset === 'custom' ? data : null };
}

function hyperOf(s: ExplorerState): HyperParams {
  return { learningRate: s.learningRate, batchSize: s.batchSize, optimizer: s.optimizer, regularization: s.regularization, regRate: s.regRate };
}

const HYPER_KEYS: ReadonlyArray<keyof ExplorerState> = ['learningRate', 'batchSize', 'optimizer', 'regularization', 'regRate'];
const VIEW_KEYS: ReadonlyArray<keyof ExplorerState> = ['lang', 'showTest', 'discretize', 'tour', 'tourStep', 'speed'];

let urlTimer: ReturnType<typeof setTimeout> | undefined;
function syncUrl(): void {
  if (typeof window === 'undefined') return;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const search = writeUrlState(state.value, customData.value);
    window.history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }, 150);
}

/**
 * Changes settings. A change of data, features, architecture, activations, loss or seeds rebuilds the run
 * (Playground resets too); a change of training hyper-parameters keeps the weights and goes on training;
 * view-only settings (language, test points, discretise, tour) touch no training at all.
 */
export function update(patch: Partial<ExplorerState>): void {
  const before = state.value;
  const next: ExplorerState = { ...before, ...patch };
  state.value = next;
  syncUrl();
  const changed = (Object.keys(patch) as (keyof ExplorerState)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  if (changed.length === 0) return;
  if (changed.includes('speed')) postPace(null);
  if (changed.every((k) => VIEW_KEYS.includes(k))) {
    engine().invalidate();
    return;
  }
  if (changed.every((k) => HYPER_KEYS.includes(k) || VIEW_KEYS.includes(k))) {
    engine().post({ type: 'hyper', hyper: hyperOf(next) });
    return;
  }
  restart();
}

/** Rebuilds data and models from the current settings (keeps play/pause as it was). */
export function restart(): void {
  const wasRunning = running.value;
  engineError.value = null;
  engine().post({ type: 'init', spec: runSpec() });
  if (wasRunning) engine().post({ type: 'play' });
}

/**
 * Replaces the user's data (an uploaded CSV or clicked points; null drops it). The settings follow the data
 * (problem type, binary or categorical loss) and the run rebuilds once.
 */
export function setCustomData(data: CustomData | null): void {
  const before = state.value;
  customData.value = data;
  // Data of another task brings that task's usual loss (cross-entropy for classes, MSE for values).
  const loss = data && data.task !== before.problem ? (data.task === 'classification' ? 'binary_crossentropy' : 'mse') : before.loss;
  const wanted: ExplorerState = data ? { ...before, dataset: 'custom', problem: data.task, loss } : before;
  const next = normalizeState(wanted, data);
  state.value = next;
  syncUrl();
  if (data || before.dataset !== next.dataset || before.loss !== next.loss) restart();
}

/** The epoch training pauses at by itself (train to epoch N, a lesson's checkpoint); null when none. */
export const stopAt = signal<number | null>(null);

/** Tells the worker the pace of the settings, and the epoch to stop at. */
function postPace(at: number | null): void {
  stopAt.value = at;
  engine().post({ type: 'pace', epochsPerSecond: state.value.speed, stopAt: at });
}

/** Sets (or with null clears) the epoch training pauses at, without starting it (a lesson step's checkpoint). */
export function setCheckpoint(at: number | null): void {
  postPace(at);
}

/**
 * Trains on to the end of epoch `epoch` and pauses there (at the current pace); nothing when the run is
 * already there or past it.
 */
export function trainTo(epoch: number): void {
  const now = snapshot.value?.epoch ?? 0;
  if (!(epoch > now)) return;
  postPace(Math.floor(epoch));
  engine().post({ type: 'play' });
}

/** After every model has diverged, the worker restarts the network on Play and Step (see loop.ts). */
export const play = (): void => engine().post({ type: 'play' });
export const pause = (): void => {
  if (stopAt.value !== null) postPace(null);
  engine().post({ type: 'pause' });
};
export const togglePlay = (): void => (running.value ? pause() : play());
export const step = (): void => engine().post({ type: 'step' });
export const reset = (): void => {
  engine().post({ type: 'reset' });
  clearHistory(modelLabels.value.length);
  // The divergence is gone with the old weights; drop its banner now rather than at the next snapshot.
  const snap = snapshot.value;
  if (snap && snap.models.some((m) => m.diverged !== null || m.divergence !== null)) {
    snapshot.value = { ...snap, models: snap.models.map((m) => ({ ...m, diverged: null, divergence: null })) };
  }
};
/** New data with a new seed (Playground's Regenerate). */
export const regenerate = (): void => update({ dataSeed: (state.value.dataSeed % 1_000_000) + 1 });

export function setWeight(model: number, layer: number, from: number, to: number, value: number): void {
  engine().post({ type: 'setWeight', model, layer, from, to, value });
}

/** Starts the engine with the settings from the URL; call once when the page mounts. */
export function start(): void {
  engine();
  postPace(null);
  restart();
}
