// The reporters of a run, in one place for playwright.config.ts and the merge config. A shard writes
// only a blob report (our facts are in its metadata and attachments): html, junit and the certificate
// come from the merge.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReporterDescription } from '@playwright/test';
import { CODE_EXTENSION } from '../../../contract/code-extension.ts';
import type { Shard } from '../../target/run-setup.ts';

/** Absolute, so the runner and the merge find it from any working directory. */
const OURS = fileURLToPath(new URL(`./reporter.${CODE_EXTENSION}`, import.meta.url));

export type { Shard };

/** The --shard i/n of this Playwright process's command line; the config cannot see it otherwise. */
export function shardOf(argv: readonly string[]): Shard | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const raw = arg === '--shard' ? argv[i + 1] : arg.startsWith('--shard=') ? arg.slice('--shard='.length) : undefined;
    const match = /^(\d+)\/(\d+)$/.exec(raw ?? '');
    if (match) return { current: Number(match[1]), total: Number(match[2]) };
  }
  return undefined;
}

export function blobFile(blobDir: string, shard: Shard): string {
  return join(blobDir, `report-${shard.current}-of-${shard.total}.zip`);
}

/** The console reporters: the user's (a path is theirs, relative to their folder), else list. */
function consoleReporters(user: readonly string[]): ReporterDescription[] {
  if (user.length === 0) return [['list']];
  return user.map((name) => [name.startsWith('.') || name.startsWith('/') ? resolve(name) : name]);
}

export function runReporters(
  reportDir: string,
  blobDir: string,
  shard: Shard | undefined,
  user: readonly string[] = [],
): ReporterDescription[] {
  if (shard) {
    // outputFile (not outputDir): the blob reporter then leaves the other shards' files in blobDir alone.
    return [
      ...consoleReporters(user),
      ['blob', { outputFile: blobFile(blobDir, shard) }],
      [OURS, { outputDir: reportDir }],
    ];
  }
  return [
    ...consoleReporters(user),
    ['html', { outputFolder: join(reportDir, 'html'), open: 'never' }],
    ['junit', { outputFile: join(reportDir, 'junit.xml') }],
    [OURS, { outputDir: reportDir }],
  ];
}

export function mergeReporters(reportDir: string): ReporterDescription[] {
  return [
    ['html', { outputFolder: join(reportDir, 'html'), open: 'never' }],
    ['junit', { outputFile: join(reportDir, 'junit.xml') }],
    [OURS, { outputDir: reportDir, merge: true }],
  ];
}
