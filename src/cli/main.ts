/**
 * The `actlab` command line: parses arguments with commander, runs a command from src/cli/commands,
 * and turns every failure into one line on stderr (`actlab: what is wrong; what to do`) with exit code
 * 2 for bad input and 1 for failed work. A stack trace only with --debug.
 */
import { Command, CommanderError } from 'commander';
import { type CliIO, processIO } from './io.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerTrainingCommands } from './commands/training.js';
import { registerLessonCommands } from './commands/lessons.js';
import { registerExportCommand } from './commands/export.js';
import { registerSearchCommands } from './commands/search.js';
import { ActlabError } from '../util/errors.js';
import { VERSION } from '../version.js';

/** Builds the command tree; `io` receives all output. */
export function buildProgram(io: CliIO): Command {
  const program = new Command('actlab')
    .description('actlab — an activation-function laboratory: catalog, derivatives, properties, training, experiments and lessons')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: () => undefined })
    .exitOverride();
  registerCatalogCommands(program, io);
  registerTrainingCommands(program, io);
  registerLessonCommands(program, io);
  registerExportCommand(program, io);
  registerSearchCommands(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: () => undefined }).showSuggestionAfterError(true);
  return program;
}

/**
 * Lets an expression that starts with a dash (`actlab show -x`, `eval -x^2 --x=1`) be an argument rather
 * than an unknown option: when a command's positional argument starts with '-' and is not one of the
 * command's options, the arguments are reordered as `command [options] -- operands...`.
 */
export function dashOperands(program: Command, args: readonly string[]): string[] {
  const at = args.findIndex((a) => !a.startsWith('-'));
  if (at < 0) return [...args];
  const cmd = program.commands.find((c) => c.name() === args[at] || c.aliases().includes(args[at]));
  if (!cmd || cmd.registeredArguments.length === 0) return [...args];
  const options: string[] = [];
  const operands: string[] = [];
  let dashOperand = false;
  const rest = args.slice(at + 1);
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i];
    if (t === '--') {
      operands.push(...rest.slice(i + 1));
      break;
    }
    if (t.length > 1 && t.startsWith('-')) {
      const flag = t.split('=')[0];
      const opt = cmd.options.find((o) => o.long === flag || o.short === flag);
      if (opt || flag === '-h' || flag === '--help' || t.startsWith('--')) {
        options.push(t);
        if (opt && (opt.required || opt.optional) && !t.includes('=') && i + 1 < rest.length) options.push(rest[++i]);
        continue;
      }
      dashOperand = true;
    }
    operands.push(t);
  }
  if (!dashOperand) return [...args];
  return [...args.slice(0, at + 1), ...options, '--', ...operands];
}

function commanderMessage(err: CommanderError, argv: readonly string[]): string {
  const msg = err.message.replace(/^error:\s*/, '').replace(/\n[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
  const cmd = argv.find((a) => !a.startsWith('-'));
  const help = cmd ? `actlab ${cmd} --help` : 'actlab --help';
  return `${msg}; run '${help}' for the usage`;
}

/** Runs the CLI with the given arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const program = buildProgram(io);
  try {
    if (args.length === 0) {
      io.out(program.helpInformation());
      return 0;
    }
    await program.parseAsync(dashOperands(program, args), { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      io.err(`actlab: ${commanderMessage(e, args)}\n`);
      return 2;
    }
    if (e instanceof ActlabError) {
      io.err(`actlab: ${e.message}\n`);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    if (err instanceof RangeError && /call stack|array length|allocation|Array buffer/i.test(err.message)) {
      io.err(`actlab: out of memory or stack (${err.message}); the input is too large for this machine, so use fewer rows or a smaller network\n`);
      if (debug && err.stack) io.err(`${err.stack}\n`);
      return 1;
    }
    io.err(`actlab: internal error: ${err?.message ?? String(e)}; please report it with the command you ran (add --debug for details)\n`);
    if (debug && err?.stack) io.err(`${err.stack}\n`);
    return 1;
  }
}
