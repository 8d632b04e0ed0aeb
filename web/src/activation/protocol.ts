/** Messages between the page and the activation worker (web/src/activation/activationWorker.ts). */
import type { NonFiniteInterval, Properties } from '../../../src/analysis/properties.js';
import type { ActivationReport } from './report.js';

/** What the worker is asked: check that a text resolves, build its report, or analyse its properties. */
export type JobKind = 'check' | 'report' | 'analyze';

export interface JobRequest {
  readonly seq: number;
  readonly kind: JobKind;
  readonly text: string;
}

/** The worker's answer to one request. */
export type JobResponse =
  /** `nonFinite`: where f is NaN or ±∞ (empty or absent when f is finite on all of ℝ). */
  | { readonly seq: number; readonly ok: true; readonly kind: 'check'; readonly key: string; readonly nonFinite?: readonly NonFiniteInterval[] }
  | { readonly seq: number; readonly ok: true; readonly kind: 'report'; readonly report: ActivationReport }
  | { readonly seq: number; readonly ok: true; readonly kind: 'analyze'; readonly properties: Properties }
  | { readonly seq: number; readonly ok: false; readonly message: string; readonly column?: number; readonly problem?: string };
