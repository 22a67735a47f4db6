// The command line's root and how it ends: user mistakes print one clear line and exit 2, never a
// stack trace; help and version are not errors.
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, UsageError } from './usage-error.ts';

export function rootCommand(): Command {
  return new Command('sps-conformance')
    .description('Conformance suite and reference emulator for the SPS plugin configuration REST API')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
}

function fail(message: string, code: number): void {
  process.stderr.write(`sps-conformance: ${message}\n`);
  process.exitCode = code;
}

export async function runProgram(root: Command, argv: readonly string[]): Promise<void> {
  try {
    await root.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (error instanceof UsageError) {
      fail(error.message, EXIT_USAGE);
    } else {
      fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, 1);
    }
  }
}
