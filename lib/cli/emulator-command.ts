// `sps-conformance emulator`: serves the reference emulator until interrupted.
import { startEmulator } from '../../emulator/server.ts';
import { AccountSpecError, parseAccount } from '../../emulator/accounts.ts';
import type { ProfileName } from '../target/profiles.ts';
import { UsageError } from './usage-error.ts';

export interface EmulatorCommandOptions {
  port: number;
  host: string;
  profile: ProfileName;
  user?: string[];
}

function accounts(specs: readonly string[]) {
  try {
    return specs.map(parseAccount);
  } catch (error) {
    if (error instanceof AccountSpecError) throw new UsageError(error.message);
    throw error;
  }
}

export async function emulatorCommand(options: EmulatorCommandOptions): Promise<void> {
  let running;
  try {
    running = await startEmulator({ port: options.port, host: options.host, profile: options.profile, accounts: accounts(options.user ?? []) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on ${options.host} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on host ${options.host}`);
    throw error;
  }
  process.stdout.write(`sps-conformance emulator (profile ${options.profile}) listening on ${running.url}\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
