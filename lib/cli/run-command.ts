// `sps-conformance run`: the conformance project of the Playwright suite, against SPS_URL or the
// embedded emulator. Extra arguments go to Playwright (e.g. --grep, --shard 1/2).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadSettings, SettingsError } from '../target/settings.ts';
import { UsageError } from './usage-error.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function runCommand(playwrightArgs: readonly string[]): Promise<number> {
  try {
    loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [cli, 'test', '--config', `${ROOT}playwright.config.ts`, '--project=conformance', ...playwrightArgs];
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: ROOT });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
