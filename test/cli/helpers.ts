import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), isTTY: false, cwd };
  const code = await main(args, io);
  return { code, out, err };
}
