/** Messages between the page and the search worker. */
import type { LeaderboardRow, SearchConfig } from '../../../src/search/search.js';

export type ToSearchWorker = { readonly type: 'start'; readonly config: SearchConfig } | { readonly type: 'stop' };

/** A candidate as the live table shows it. */
export interface LiveCandidate {
  readonly index: number;
  readonly expression: string;
  readonly status: 'trained' | 'rejected' | 'failed';
  readonly reason?: string;
  readonly mean: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export type FromSearchWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly label: string }
  | { readonly type: 'candidate'; readonly candidate: LiveCandidate; readonly trained: number; readonly budget: number }
  | { readonly type: 'done'; readonly leaderboard: readonly LeaderboardRow[]; readonly conclusion: string; readonly metric: string; readonly counts: { readonly trained: number; readonly rejected: number; readonly duplicates: number } }
  | { readonly type: 'stopped' }
  | { readonly type: 'error'; readonly message: string };
