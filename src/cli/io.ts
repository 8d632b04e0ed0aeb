/** Where a command writes: injected so tests can run commands in-process. */
export interface CliIO {
  /** Writes to standard output (no newline added). */
  out(text: string): void;
  /** Writes to standard error (no newline added). */
  err(text: string): void;
  /** True when standard output is an interactive terminal (progress bars, colours). */
  readonly isTTY: boolean;
  /** The current working directory, for resolving relative paths. */
  readonly cwd: string;
}

/**
 * The process's own streams. A closed pipe on stdout or stderr (`actlab lessons | head -1`) ends the
 * process quietly with exit code 0: the reader has what it wanted.
 */
export function processIO(): CliIO {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
  };
}
