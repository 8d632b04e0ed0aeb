import { SingleBar } from 'cli-progress';
import type { CliIO } from './io.js';

/** Progress of a long task: a bar on a terminal, otherwise one log line every few steps; always on stderr. */
export interface Progress {
  /** Reports `done` of `total` steps; `fields` are shown after the count (e.g. loss, accuracy). */
  update(done: number, fields: string): void;
  /** Removes the bar (or does nothing in log mode). */
  stop(): void;
}

/**
 * Creates a progress reporter for `total` steps labelled `label`. On a TTY (and only when the process's
 * stderr is one) a cli-progress bar with ETA; otherwise a line on `io.err` at the first step, every
 * `total/10` steps and the last. `quiet` turns it off.
 */
export function createProgress(io: CliIO, label: string, total: number, quiet = false): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (io.isTTY && process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} {fields} | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
    });
    bar.start(total, 0, { fields: '' });
    return { update: (done, fields) => bar.update(done, { fields }), stop: () => bar.stop() };
  }
  const every = Math.max(1, Math.ceil(total / 10));
  const start = Date.now();
  return {
    update(done, fields) {
      if (done === 1 || done % every === 0 || done === total) {
        const elapsed = (Date.now() - start) / 1000;
        const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
        io.err(`${label} ${done}/${total} ${fields} (ETA ${eta.toFixed(1)} s)\n`);
      }
    },
    stop: () => undefined,
  };
}
