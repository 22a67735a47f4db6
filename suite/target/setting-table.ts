// Every environment variable the suite and its commands read, with its default and what it means: the
// one list `settings.ts` reads by and `.env.example` and README's settings table are generated from
// (settings-doc.ts; test/settings-doc.test.ts fails when they drift).

export interface SettingRow {
  /** The environment variable. */
  env: string;
  /** What it means, one or two sentences. */
  doc: string;
  /** The default, as people read it. */
  default: string;
  /** The commented-out example line's value in .env.example. */
  example: string;
  /** Set only by sps-conformance for a child run: read, never documented for people to set. */
  internal?: boolean;
}

export interface SettingGroup {
  title: string;
  rows: readonly SettingRow[];
}

export const SETTING_GROUPS: readonly SettingGroup[] = [
  {
    title: 'The target',
    rows: [
      {
        env: 'SPS_URL',
        doc: 'Base URL of the target SPS (http or https), without a trailing slash.',
        default: 'unset: the suite starts its own reference emulator on a free 127.0.0.1 port',
        example: 'https://sps.example.com',
      },
      {
        env: 'SPS_USERNAME',
        doc: 'REST user with the "REST server" privilege.',
        default: "the embedded emulator's account `admin`; required when SPS_URL is set",
        example: 'rest-user',
      },
      {
        env: 'SPS_PASSWORD',
        doc: "That user's password.",
        default: "the embedded emulator's `sps-conformance`; required when SPS_URL is set",
        example: '',
      },
      {
        env: 'SPS_TLS_VERIFY',
        doc: "Verify the target's TLS certificate (true/false).",
        default: '`true`',
        example: 'true',
      },
      {
        env: 'SPS_CA_FILE',
        doc: "Extra CA bundle (PEM) trusted for the target's certificate.",
        default: 'unset',
        example: '/path/to/ca.pem',
      },
      {
        env: 'SPS_REQUEST_TIMEOUT',
        doc: 'Seconds to wait for one answer of the target before the request counts as failed.',
        default: '`30`',
        example: '30',
      },
      {
        env: 'SPS_READONLY_USERNAME',
        doc: 'For the documented 403 rows: a user who may read but not change the configuration.',
        default: "the embedded emulator's `auditor`; unset against an appliance: those checks are SKIPPED",
        example: 'auditor',
      },
      {
        env: 'SPS_READONLY_PASSWORD',
        doc: "The read-only user's password.",
        default: "the embedded emulator's; unset against an appliance",
        example: '',
      },
      {
        env: 'SPS_NOACCESS_USERNAME',
        doc: 'For the documented 403 rows: a user with REST access but no configuration privileges.',
        default: "the embedded emulator's `outsider`; unset against an appliance: those checks are SKIPPED",
        example: 'outsider',
      },
      {
        env: 'SPS_NOACCESS_PASSWORD',
        doc: "The no-access user's password.",
        default: "the embedded emulator's; unset against an appliance",
        example: '',
      },
    ],
  },
  {
    title: 'What the run expects and may do',
    rows: [
      {
        env: 'SPS_PROFILE',
        doc: 'SPS version profile of expectations: `5.x`, `6.0`, `6.9`, `7.x`, `8.x` or `9.x`.',
        default: "from the target's `firmware_version` (`GET /api/info`), else `7.x`",
        example: '7.x',
      },
      {
        env: 'SPS_STRICT',
        doc: 'Inferred requirements a target does not meet FAIL instead of WARN (`run --strict`).',
        default: '`true` for the embedded emulator, else `false`',
        example: 'false',
      },
      {
        env: 'SPS_EXPECTATIONS',
        doc: 'An expectations file from `sps-conformance observe`: its recorded answers become exact expectations (`run --expectations FILE`).',
        default: 'unset',
        example: 'expectations/sps-7.4.1.yaml',
      },
      {
        env: 'SPS_ALLOW_WRITES',
        doc: 'Allow creating and deleting objects on the target; with writes off the checks that need them are NOT-TESTED, never PASS.',
        default: '`true` for the embedded emulator, else `false`',
        example: 'false',
      },
      {
        env: 'FC_SEED',
        doc: 'fast-check seed (an integer); set the same one for every shard of a run.',
        default: 'random, printed in the certificate',
        example: '12345',
      },
      {
        env: 'FC_RUNS',
        doc: 'fast-check runs per property.',
        default: '`25`',
        example: '25',
      },
      {
        env: 'SPS_RUN_ID',
        doc: 'The run id every object the run creates is named after; set the same one for every shard of a run.',
        default: 'random (`spsc` and 8 hex digits)',
        example: 'spscnightly',
      },
    ],
  },
  {
    title: 'Reports',
    rows: [
      {
        env: 'SPS_REPORT_DIR',
        doc: 'Where reports go, relative to the current directory.',
        default: '`./reports/latest` (`./reports/latest-partial` for a subset run)',
        example: 'reports/latest',
      },
      {
        env: 'SPS_BLOB_DIR',
        doc: 'Where the shards of a sharded run leave their blob reports for `sps-conformance merge`.',
        default: '`./reports/blob`',
        example: 'reports/blob',
      },
    ],
  },
  {
    title: 'Other commands',
    rows: [
      {
        env: 'SPS_SECRET',
        doc: '`replay`: the secret put back where a repro body says `$SPS_SECRET`.',
        default: 'unset: left as is',
        example: '',
      },
      {
        env: 'SPS_A_USERNAME',
        doc: '`diff`: the account on target A (SPS_A_PASSWORD its password; SPS_B_USERNAME, SPS_B_PASSWORD for B).',
        default: "the emulator's account `admin` / `sps-conformance`",
        example: 'admin',
      },
      { env: 'SPS_A_PASSWORD', doc: "`diff`: target A's password.", default: '`sps-conformance`', example: '' },
      {
        env: 'SPS_B_USERNAME',
        doc: '`diff`: the account on target B.',
        default: '`admin`',
        example: 'admin',
      },
      { env: 'SPS_B_PASSWORD', doc: "`diff`: target B's password.", default: '`sps-conformance`', example: '' },
      {
        env: 'SPS_SELFTEST_FC_SEED',
        doc: '`selftest`: the fixed seed of its runs, so the kill matrix is reproducible.',
        default: '`20240607`',
        example: '20240607',
      },
      {
        env: 'SPS_SELFTEST_FC_RUNS',
        doc: '`selftest`: fast-check runs per property in its runs.',
        default: '`10`',
        example: '10',
      },
      {
        env: 'SPS_SELFTEST_CONCURRENCY',
        doc: '`selftest`: runs at a time.',
        default: 'the number of cores, at least 2',
        example: '2',
      },
      {
        env: 'SPS_SHARED_DIR',
        doc: 'The unit tests: the shared research folder (vendor pages, real plugins); tests that need it fail when it is missing.',
        default: '`../shared` beside the repo',
        example: '/work/shared',
      },
    ],
  },
  {
    title: 'Set by sps-conformance for its child run',
    rows: [
      {
        env: 'SPS_OBSERVE',
        doc: '`observe`: the run records every inferred answer into this file.',
        default: 'unset',
        example: '',
        internal: true,
      },
      {
        env: 'SPS_REPORTER',
        doc: '`run -- --reporter X`: the reporters the user named; they replace our console reporter, never our files.',
        default: 'unset',
        example: '',
        internal: true,
      },
      {
        env: 'NO_COLOR',
        doc: 'The console: no colour (https://no-color.org); reports never have any.',
        default: 'unset',
        example: '',
        internal: true,
      },
      {
        env: 'FORCE_COLOR',
        doc: "The console: `0` turns colour off (Playwright's own reporters read it).",
        default: 'unset',
        example: '',
        internal: true,
      },
      {
        env: 'INIT_CWD',
        doc: "npm's own: the folder the user ran npm in; Playwright words its show-report hint relative to it.",
        default: 'the current directory',
        example: '',
        internal: true,
      },
      {
        env: 'npm_command',
        doc: "npm's own: set when npm, npx or npm run started the process (the emulator then stops once orphaned).",
        default: 'unset',
        example: '',
        internal: true,
      },
    ],
  },
];

/** Every row, in order. */
export const SETTING_ROWS: readonly SettingRow[] = SETTING_GROUPS.flatMap((g) => g.rows);

/** The environment variable names the code may read. */
export const SETTING_NAMES: ReadonlySet<string> = new Set(SETTING_ROWS.map((r) => r.env));
