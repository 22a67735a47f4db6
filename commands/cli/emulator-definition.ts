// The `emulator` subcommand's options, shared by the full command line and the emulator's own entry.
import { type Command, Option } from 'commander';
import type { EmulatorCommandOptions } from './emulator-command.ts';
import { DEFAULT_PROFILE, PROFILE_NAMES } from '../../contract/profiles.ts';
import { brakeOption, collect, millisecondsOption, portOption, profileOption, timeoutOption } from './options.ts';

export function addEmulatorCommand(root: Command): void {
  root
    .command('emulator')
    .description('serve the reference emulator')
    .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default(18080).argParser(portOption))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(
      new Option('--profile <v>', `SPS version profile (${PROFILE_NAMES.join(', ')})`)
        .default(DEFAULT_PROFILE)
        .argParser(profileOption),
    )
    .option('--user <NAME:PASSWORD[:ROLE]>', 'a REST account (repeatable); ROLE is admin, readonly or none', collect)
    .option(
      '--settings-accounts',
      'also serve the accounts of the suite settings (SPS_USERNAME/SPS_PASSWORD, SPS_READONLY_*, SPS_NOACCESS_*)',
    )
    .option('--state <file>', 'keep the committed configuration in this file across restarts')
    .option('--tls', 'serve HTTPS with a self-signed certificate made at start-up')
    .option('--cert <file>', 'serve HTTPS with this PEM certificate (with --key)')
    .option('--key <file>', 'the PEM private key of --cert')
    .addOption(
      new Option('--transaction-timeout <seconds>', 'idle seconds before an open transaction is rolled back')
        .default(600)
        .argParser(timeoutOption),
    )
    .addOption(
      new Option(
        '--login-brake <FAILURES:MS|off>',
        'after FAILURES wrong passwords in a row a user name waits MS ms, doubling (default 5:1000); "off" disables it',
      ).argParser(brakeOption),
    )
    .addOption(
      new Option('--latency <ms>', 'simulate a remote appliance: wait this long before every answer').argParser(
        millisecondsOption('--latency'),
      ),
    )
    .addOption(
      new Option(
        '--commit-delay <ms>',
        'simulate a slow appliance commit: each commit takes this much longer',
      ).argParser(millisecondsOption('--commit-delay')),
    )
    .option('--fault <name>', 'inject one listed deviation for the self-test; "--fault list" prints the fault list')
    .action(async (options: EmulatorCommandOptions) => {
      // Imported when the emulator starts: the rest of the command line never loads the server.
      const { emulatorCommand } = await import('./emulator-command.ts');
      await emulatorCommand(options);
    });
}
