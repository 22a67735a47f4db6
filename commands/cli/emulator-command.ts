// `sps-conformance emulator`: serves the reference emulator until interrupted.
import { startEmulator } from '../../emulator/server.ts';
import { AccountSpecError, parseAccount } from '../../emulator/accounts.ts';
import { StateFileError } from '../../emulator/persistence.ts';
import { faultListText, faultNames } from '../../emulator/faults/fault-list.ts';
import { selfSignedTls, tlsFromFiles, type TlsMaterial } from '../../emulator/tls.ts';
import type { ProfileName } from '../../contract/profiles.ts';
import { loadSettings } from '../../suite/target/settings.ts';
import type { Account } from '../../emulator/sessions.ts';
import type { BrakeSettings } from '../../emulator/login-brake.ts';
import { stopWhenOrphaned } from './parent-watch.ts';
import { UsageError } from './usage-error.ts';

export interface EmulatorCommandOptions {
  port: number;
  host: string;
  profile: ProfileName;
  user?: string[];
  state?: string;
  tls?: boolean;
  cert?: string;
  key?: string;
  transactionTimeout?: number;
  settingsAccounts?: boolean;
  fault?: string;
  loginBrake?: BrakeSettings | false;
  latency?: number;
  commitDelay?: number;
}

/** The suite's own accounts (admin, read-only, no-access): the embedded emulator gets them this way so
 * that no password is written on a command line or in the Playwright config. */
function settingsAccounts(): Account[] {
  const s = loadSettings();
  const extra: Account[] = [];
  if (s.readonlyAccount) extra.push({ ...s.readonlyAccount, role: 'readonly' });
  if (s.noAccessAccount) extra.push({ ...s.noAccessAccount, role: 'none' });
  return [{ username: s.username, password: s.password, role: 'admin' }, ...extra];
}

function accounts(specs: readonly string[]) {
  try {
    return specs.map(parseAccount);
  } catch (error) {
    if (error instanceof AccountSpecError) throw new UsageError(error.message);
    throw error;
  }
}

async function tlsMaterial(options: EmulatorCommandOptions): Promise<TlsMaterial | undefined> {
  const files = options.cert !== undefined || options.key !== undefined;
  if (files && options.tls) throw new UsageError('use either --tls or --cert/--key, not both');
  if (files && (options.cert === undefined || options.key === undefined))
    throw new UsageError('--cert and --key go together');
  if (options.cert !== undefined && options.key !== undefined) {
    try {
      return await tlsFromFiles(options.cert, options.key);
    } catch (error) {
      throw new UsageError(`cannot read the certificate or key: ${(error as Error).message}`);
    }
  }
  return options.tls ? selfSignedTls(options.host) : undefined;
}

/** `--fault list` prints the fault list; an unknown name is a usage error. True when the emulator should start. */
function checkFault(fault: string | undefined): boolean {
  if (fault === 'list') {
    process.stdout.write(faultListText());
    return false;
  }
  if (fault !== undefined && !faultNames().includes(fault))
    throw new UsageError(`--fault: unknown fault "${fault}" (see --fault list)`);
  return true;
}

export async function emulatorCommand(options: EmulatorCommandOptions): Promise<void> {
  if (!checkFault(options.fault)) return;
  const tls = await tlsMaterial(options);
  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    running = await startEmulator({
      port: options.port,
      host: options.host,
      profile: options.profile,
      accounts: [...(options.settingsAccounts ? settingsAccounts() : []), ...accounts(options.user ?? [])],
      ...(options.state !== undefined ? { stateFile: options.state } : {}),
      ...(options.transactionTimeout !== undefined ? { transactionTimeoutMs: options.transactionTimeout * 1000 } : {}),
      ...(tls ? { tls } : {}),
      ...(options.fault !== undefined ? { fault: options.fault } : {}),
      ...(options.loginBrake !== undefined ? { loginBrake: options.loginBrake } : {}),
      ...(options.latency ? { latencyMs: options.latency } : {}),
      ...(options.commitDelay ? { commitDelayMs: options.commitDelay } : {}),
    });
  } catch (error) {
    if (error instanceof StateFileError) throw new UsageError(`--state: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on ${options.host} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on host ${options.host}`);
    throw error;
  }
  // Handlers first: whoever reads the line below may signal at once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  };
  // SIGHUP too: a closed terminal or a CI runner's hang-up stops the server instead of orphaning it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  stopWhenOrphaned(stop);
  const injected = options.fault !== undefined ? ` with fault ${options.fault}` : '';
  process.stdout.write(
    `sps-conformance emulator (profile ${options.profile})${injected} listening on ${running.url}\n`,
  );
}
