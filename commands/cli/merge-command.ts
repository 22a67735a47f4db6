// `sps-conformance merge [DIR]`: joins the blob reports of a sharded run (each shard run with
// `sps-conformance run -- --shard i/n`) into one report dir: html, junit and one certificate.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blobDir, childEnvironment, reportDir } from '../../suite/target/settings.ts';
import { UsageError } from './usage-error.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MERGE_CONFIG = fileURLToPath(new URL('../../suite/report/reporter/merge.config.ts', import.meta.url));

export async function mergeCommand(dir: string | undefined): Promise<number> {
  // The default blob dir is relative to the current directory, like the run that wrote it.
  const blobs = dir ? resolve(dir) : blobDir();
  if (!existsSync(blobs)) throw new UsageError(`no such directory: ${blobs}`);
  if (!readdirSync(blobs).some((f) => f.endsWith('.zip')))
    throw new UsageError(`no blob reports (*.zip) in ${blobs}: run the shards with --shard i/n first`);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [cli, 'merge-reports', '--config', MERGE_CONFIG, blobs];
  return new Promise<number>((done) => {
    // SPS_BLOB_DIR tells the merge config (through suite/target/settings.ts) where the shards' facts are.
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      cwd: ROOT,
      env: childEnvironment({ SPS_BLOB_DIR: blobs, SPS_REPORT_DIR: reportDir() }),
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
