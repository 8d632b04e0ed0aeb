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
    await program.parseAsync([...args], { from: 'user' });
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
    io.err(`actlab: internal error: ${err?.message ?? String(e)}; please report it with the command you ran (add --debug for details)\n`);
    if (debug && err?.stack) io.err(`${err.stack}\n`);
    return 1;
  }
}
