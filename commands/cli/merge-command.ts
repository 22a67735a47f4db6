// `sps-conformance merge [DIR]`: joins the blob reports of a sharded run (each shard run with
// `sps-conformance run -- --shard i/n`) into one report dir: html, junit and one certificate. It writes
// only there (SPS_REPORT_DIR, relative to the user's folder), clears that run's old html, JUnit and
// certificate first so nothing stale is left where CI reads it, and refuses a folder that does not hold
// blob reports. Exit codes as for run.
import { CODE_EXTENSION } from '../../contract/code-extension.ts';
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CERTIFICATE_FILES } from '../../suite/report/certificate/report-files.ts';
import { blobDir, childEnvironment, reportDir } from '../../suite/target/settings.ts';
import { checkBlobReports } from './blob-reports.ts';
import { certificateOutcome, exitCode } from './run-outcome.ts';
import { UsageError } from './usage-error.ts';

/** The merge config beside the running code: .ts from a clone, .js from an installed package. */
const MERGE_CONFIG = fileURLToPath(
  new URL(`../../suite/report/reporter/merge.config.${CODE_EXTENSION}`, import.meta.url),
);

/** What a previous run or merge left in the report dir that this merge replaces. */
function clearOldReports(out: string): void {
  for (const name of ['junit.xml', 'html', ...Object.values(CERTIFICATE_FILES)])
    rmSync(join(out, name), { recursive: true, force: true });
}

export async function mergeCommand(dir: string | undefined): Promise<number> {
  const blobs = resolve(dir ?? blobDir());
  if (!existsSync(blobs) || !statSync(blobs).isDirectory()) throw new UsageError(`no such directory: ${blobs}`);
  try {
    await checkBlobReports(blobs);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const out = resolve(reportDir());
  if (out === blobs || out.startsWith(`${blobs}/`))
    throw new UsageError(`the report dir ${out} is inside the blob dir ${blobs}: set SPS_REPORT_DIR elsewhere`);
  clearOldReports(out);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [cli, 'merge-reports', '--config', MERGE_CONFIG, blobs];
  const code = await new Promise<number>((done) => {
    // SPS_BLOB_DIR tells the merge config (through suite/target/settings.ts) where the shards' facts are.
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      cwd: process.cwd(),
      env: childEnvironment({ SPS_BLOB_DIR: blobs, SPS_REPORT_DIR: out }),
    });
    child.on('exit', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
  // The old certificate was cleared above: the one there now is this merge's.
  return exitCode(code, certificateOutcome(out), false);
}
