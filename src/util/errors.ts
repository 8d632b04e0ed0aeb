/**
 * An error caused by bad user input or a failed piece of work, with a one-line message of the form
 * `what is wrong; what to do`. The CLI prints it without a stack trace and exits with `exitCode`.
 */
export class ActlabError extends Error {
  /** Process exit code the CLI uses: 2 bad input (default), 1 the work failed. */
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'ActlabError';
    this.exitCode = exitCode;
  }
}
