// The sps-conformance command line. User mistakes print one clear line and exit 2. Each command's
// module is imported when that command runs, so `lint` does not load the suite runner or the emulator.
import { type Command, Option } from 'commander';
import { SUITE_VERSION } from '../../suite/report/certificate/suite-version.ts';
import { DEFAULT_PROFILE, PROFILE_NAMES, type ProfileName } from '../../contract/profiles.ts';
import { addEmulatorCommand } from './emulator-definition.ts';
import { rootCommand, runProgram } from './program.ts';
import { maxWarningsOption, profileOption, seedOption } from './options.ts';
import { REPLAY_RULE } from './replay-rule.ts';

interface LintCliOptions {
  format?: 'text' | 'json' | 'sarif' | 'github';
  json?: boolean;
  maxWarnings?: number;
  strict?: boolean;
  profile?: ProfileName;
}

function program(): Command {
  const root = rootCommand().version(SUITE_VERSION);

  root
    .command('run')
    .description('run the conformance suite against SPS_URL, or against the embedded emulator when SPS_URL is unset')
    .argument('[playwright-args...]', 'extra arguments for Playwright, after --')
    .option('--strict', 'inferred requirements a target does not meet FAIL instead of WARN (SPS_STRICT=true)')
    .option(
      '--expectations <file>',
      'recorded answers (sps-conformance observe) become exact expectations (SPS_EXPECTATIONS)',
    )
    .allowUnknownOption()
    .action(async (args: string[], options: { strict?: boolean; expectations?: string }) => {
      const { runCommand } = await import('./run-command.ts');
      process.exitCode = await runCommand(args, options);
    });

  root
    .command('observe')
    .description(
      'run the checks of every inferred requirement against the target and record its answers in an expectations file (YAML) for SPS_EXPECTATIONS; writes follow SPS_ALLOW_WRITES as for run',
    )
    .argument('[playwright-args...]', 'extra arguments for Playwright, after --')
    .option('--out <file>', 'the expectations file to write', 'expectations.yaml')
    .allowUnknownOption()
    .action(async (args: string[], options: { out: string }) => {
      const { runCommand } = await import('./run-command.ts');
      process.exitCode = await runCommand(args, { observe: options.out });
    });

  addEmulatorCommand(root);

  root
    .command('lint')
    .description('check plugin zips (or plugin folders, as they would be zipped) against the SPS packaging rules')
    .argument('<paths...>', 'plugin .zip files or plugin folders')
    .addOption(
      new Option(
        '--format <format>',
        'text (file:line:col severity [rule] message), json, sarif (SARIF 2.1.0) or github (annotations)',
      ).choices(['text', 'json', 'sarif', 'github']),
    )
    .option('--json', 'the same as --format json')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more than n warnings in all', maxWarningsOption)
    .option('--strict', 'fail (exit 1) on any warning (--max-warnings 0)')
    .addOption(
      new Option('--profile <v>', `SPS version profile (${PROFILE_NAMES.join(', ')})`)
        .default(DEFAULT_PROFILE)
        .argParser(profileOption),
    )
    .action(async (files: string[], options: LintCliOptions) => {
      const { lintCommand } = await import('./lint-command.ts');
      process.exitCode = await lintCommand(files, options);
    });

  root
    .command('verify')
    .description(
      'check that a certificate.json was not altered and says whether the installed suite made it (exit 0 intact, 1 altered, 3 cannot be checked)',
    )
    .argument('<file>', 'a certificate.json')
    .action(async (file: string) => {
      const { verifyCommand } = await import('./verify-command.ts');
      process.exitCode = verifyCommand(file);
    });

  root
    .command('replay')
    .description("re-send a repro bundle's failing request and say FIXED, STILL FAILING or CHANGED")
    .argument('<dir>', 'a repro bundle, e.g. reports/latest/repro/<test>')
    .option('--url <url>', 'target base URL (default: SPS_URL)')
    .addHelpText('after', `\n${REPLAY_RULE}`)
    .action(async (dir: string, options: { url?: string }) => {
      const { replayCommand } = await import('./replay-command.ts');
      process.exitCode = await replayCommand(dir, options);
    });

  root
    .command('merge')
    .description('merge the blob reports of a sharded run (run -- --shard i/n) into one report dir and certificate')
    .argument('[dir]', 'the blob dir of the shards (default: SPS_BLOB_DIR or reports/blob)')
    .action(async (dir: string | undefined) => {
      const { mergeCommand } = await import('./merge-command.ts');
      process.exitCode = await mergeCommand(dir);
    });

  root
    .command('selftest')
    .description(
      'prove every assertion can fail: run the suite against the pristine emulator (must pass) and each listed fault (must fail); exit 1 if a fault survives',
    )
    .option('--only <names>', 'comma-separated fault names to run instead of the whole fault list')
    .option('--out <dir>', "where selftest.json, selftest.md and the runs' reports go", 'reports')
    .option(
      '--full',
      'run the whole suite for every fault (nightly); by default a fault runs only the tests of its ids',
    )
    .action(async (options: { only?: string; out: string; full?: boolean }) => {
      const { selftestCommand } = await import('./selftest-command.ts');
      process.exitCode = await selftestCommand(options);
    });

  root
    .command('diff')
    .description(
      'send the same seeded scenario to two targets and report every difference (exit 0 none, 1 differences)',
    )
    .option('--a <url>', 'target A (account: SPS_A_USERNAME / SPS_A_PASSWORD, else the emulator default)')
    .option('--b <url>', 'target B (account: SPS_B_USERNAME / SPS_B_PASSWORD, else the emulator default)')
    .option('--json', 'print the differences as JSON')
    .addOption(new Option('--seed <n>', 'seed of the generated zips and payloads').default(1).argParser(seedOption))
    .addOption(
      new Option('--profile <v>', `SPS version profile (${PROFILE_NAMES.join(', ')})`)
        .default(DEFAULT_PROFILE)
        .argParser(profileOption),
    )
    .action(async (options: { a?: string; b?: string; json?: boolean; seed: number; profile: ProfileName }) => {
      const { diffCommand } = await import('./diff-command.ts');
      process.exitCode = await diffCommand(options);
    });

  return root;
}

await runProgram(program(), process.argv);
