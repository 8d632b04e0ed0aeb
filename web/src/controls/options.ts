/**
 * Values the controls offer (TensorFlow Playground's, where it has the control) and small pure helpers
 * the controls share: number formatting, the activation a new comparison starts with, the Space shortcut.
 */
import { CLASSIFICATION_SETS, REGRESSION_SETS, type DatasetChoice, type ProblemType } from '../state/types.js';

/** Playground's learning rates. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
/** Playground's regularisation rates. */
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
/** Number of points offered for the built-in sets (Playground uses 500). */
export const POINT_COUNTS = [50, 100, 200, 300, 500, 1000, 1500, 2000] as const;
/** Slider steps (Playground's): noise 0..50 by 5, training ratio 10..90 % by 10, batch size 1..30 by 1. */
export const NOISE_STEP = 5;
export const RATIO_STEP = 10;
/** Targets offered by the click-to-add mode for regression. */
export const REGRESSION_CLICK_VALUES = [-1, -0.5, 0, 0.5, 1] as const;
/** Activations a new comparison starts with, the first one not already trained. */
const COMPARE_CANDIDATES = ['relu', 'tanh', 'sigmoid', 'elu', 'silu', 'gelu', 'leaky_relu', 'softplus'];

/** Built-in sets of a problem type. */
export function datasetsOf(problem: ProblemType): readonly DatasetChoice[] {
  return problem === 'classification' ? CLASSIFICATION_SETS : REGRESSION_SETS;
}

/** `values` with `current` added in order when it is not among them (a hand-made link may hold any value). */
export function withCurrent(values: readonly number[], current: number): number[] {
  if (values.includes(current)) return [...values];
  return [...values, current].sort((a, b) => a - b);
}

/** A metric for display: 3 decimals as Playground shows them, exponent form for tiny or huge values, '—' for none. */
export function formatMetric(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 0.001 || a >= 1e5)) return v.toExponential(2);
  return v.toFixed(3);
}

/** An accuracy in [0, 1] as a percentage, '—' for none. */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(1)}%`;
}

/** A rate as the selects show it: 0.00001 stays 0.00001 (not 1e-5). */
export function formatRate(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= 1e-6 && Math.abs(v) < 1e6) {
    const s = v.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
    if (Number(s) === v) return s;
  }
  return String(v);
}

/** The activation a new comparison starts with: a common one that is not trained yet. */
export function nextCompareActivation(inUse: readonly string[]): string {
  return COMPARE_CANDIDATES.find((c) => !inUse.includes(c)) ?? 'relu';
}

/** True when a key press on `target` belongs to that element (typing, or a control that Space activates). */
export function ownsSpaceKey(target: EventTarget | null): boolean {
  const el = target as { closest?: (selector: string) => unknown; isContentEditable?: boolean } | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select, button, a[href], summary, [contenteditable], [role="slider"], [role="textbox"], [role="button"], [role="menuitem"]') !== null;
}

/** An integer with its thousands set apart by narrow no-break spaces: 100000 → "100 000" (9999 stays as it is). */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(Math.round(Math.abs(n)));
  const grouped = text.length <= 4 ? text : text.replace(/\B(?=(\d{3})+$)/g, '\u202f');
  return n < 0 ? `-${grouped}` : grouped;
}
